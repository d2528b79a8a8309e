package org.taskflow.notification.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Fan-out of a person's notifications to every replica that streams to them: one Redis
 * channel per user, so a replica receives only what its open streams need. The same
 * channel carries the end of the person's streams (their account was disabled), so it
 * reaches every replica the way notifications do.
 */
@Component
public class LiveUpdates {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private static final String CHANNEL = "taskflow:notifications:live:";

	/** Not a notification, which is always a JSON object. */
	private static final String END = "end";

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisMessageListenerContainer container;

	LiveUpdates(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer container) {
		this.redis = redis;
		this.container = container;
	}

	/**
	 * Best effort: if Redis is down the notification is still stored, and a stream picks
	 * it up when it reconnects with {@code Last-Event-ID}.
	 */
	public Mono<Void> publish(String userId, String message) {
		return this.redis.convertAndSend(CHANNEL + userId, message).onErrorResume((ex) -> {
			logger.warn("Live update for {} not published: {}", userId, ex.toString());
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
	public Mono<Flux<String>> subscribe(String userId) {
		return this.container.receiveLater(ChannelTopic.of(CHANNEL + userId))
			.map((messages) -> messages.map(ReactiveSubscription.Message::getMessage)
				.takeWhile((message) -> !END.equals(message)));
	}

}
