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
 * channel per user, so a replica receives only what its open streams need.
 */
@Component
public class LiveUpdates {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private static final String CHANNEL = "taskflow:notifications:live:";

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
	 * The messages for one user; the outer Mono completes once Redis confirmed the
	 * subscription, so nothing published after that is missed.
	 */
	public Mono<Flux<String>> subscribe(String userId) {
		return this.container.receiveLater(ChannelTopic.of(CHANNEL + userId))
			.map((messages) -> messages.map(ReactiveSubscription.Message::getMessage));
	}

}
