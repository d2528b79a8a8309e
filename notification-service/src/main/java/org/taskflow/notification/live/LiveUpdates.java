package org.taskflow.notification.live;

import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Fan-out of a person's live messages to every replica that streams to them: Redis
 * channels per user, so a replica receives only what its open streams need. One channel
 * carries the person's notifications and the end of their streams (their account was
 * disabled), so the end reaches every replica the way notifications do; a second one the
 * changes of tasks they can see. Two channels rather than one message format for both, so
 * that a replica of an earlier release, which reads every message of the first as a
 * notification, never receives a task change while replicas of both releases run.
 */
@Component
public class LiveUpdates {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private static final String CHANNEL = "taskflow:notifications:live:";

	private static final String TASKS_CHANNEL = "taskflow:notifications:live-tasks:";

	/** Not a notification, which is always a JSON object. */
	private static final String END = "end";

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisMessageListenerContainer container;

	private final JsonMapper json;

	LiveUpdates(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer container, JsonMapper json) {
		this.redis = redis;
		this.container = container;
		this.json = json;
	}

	/**
	 * Best effort: if Redis is down the notification is still stored, and a stream picks
	 * it up when it reconnects with {@code Last-Event-ID}.
	 */
	public Mono<Void> publish(String userId, String message) {
		return send(CHANNEL + userId, message);
	}

	/**
	 * Tells each of {@code userIds} that the task changed. Best effort like
	 * {@link #publish}: a stream that misses it has its client fetch everything again
	 * when it reconnects.
	 */
	public Mono<Void> taskChanged(Collection<String> userIds, LiveMessage.TaskChanged change) {
		String message = this.json.writeValueAsString(change);
		return Flux.fromIterable(userIds).concatMap((userId) -> send(TASKS_CHANNEL + userId, message)).then();
	}

	private Mono<Void> send(String channel, String message) {
		return this.redis.convertAndSend(channel, message).onErrorResume((ex) -> {
			logger.warn("Live update on {} not published: {}", channel, ex.toString());
			return Mono.empty();
		}).then();
	}

	/**
	 * Ends every open stream of the user, on every replica. Best effort like
	 * {@link #publish}: a stream that misses it is still refused when it reconnects.
	 */
	public Mono<Void> end(String userId) {
		return publish(userId, END);
	}

	/**
	 * The messages for one user, until {@link #end} (then the Redis subscription is
	 * dropped); the outer Mono completes once Redis confirmed the subscription, so
	 * nothing published after that is missed.
	 */
	public Mono<Flux<LiveMessage>> subscribe(String userId) {
		String tasks = TASKS_CHANNEL + userId;
		return this.container.receiveLater(ChannelTopic.of(CHANNEL + userId), ChannelTopic.of(tasks))
			.map((messages) -> messages.takeWhile((message) -> !END.equals(message.getMessage()))
				.<LiveMessage>map((message) -> tasks.equals(message.getChannel())
						? this.json.readValue(message.getMessage(), LiveMessage.TaskChanged.class)
						: new LiveMessage.Notification(message.getMessage())));
	}

}
