package org.taskflow.support.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Declares the topics this service owns, since the broker creates none on first use: the
 * event topic it publishes to ({@code taskflow.outbox.topic}), and for each topic and
 * group it consumes the group's dead-letter and replay topics (one partition each: they
 * carry little, and keys keep their order within it). Runs before the listeners start;
 * while Kafka cannot be reached it tries again in the background every
 * {@link #RETRY_INTERVAL}, so a service that started during a Kafka outage still has its
 * topics once Kafka is back.
 */
final class DeclaredTopics implements SmartLifecycle {

	static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(DeclaredTopics.class);

	private final KafkaAdmin admin;

	private final @Nullable String eventTopic;

	private final ConsumerGroups groups;

	private final TopicProperties properties;

	private List<NewTopic> topics = List.of();

	private volatile @Nullable Thread retrying;

	private volatile boolean running;

	DeclaredTopics(KafkaAdmin admin, @Nullable String eventTopic, ConsumerGroups groups, TopicProperties properties) {
		this.admin = admin;
		this.eventTopic = eventTopic;
		this.groups = groups;
		this.properties = properties;
	}

	static List<NewTopic> topics(@Nullable String eventTopic, ConsumerGroups groups, TopicProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		if (eventTopic != null) {
			topics.add(TopicBuilder.name(eventTopic)
				.partitions(properties.partitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.retention().toMillis()))
				.build());
		}
		for (ConsumerGroups.Consumed consumed : groups.consumed()) {
			topics.add(TopicBuilder.name(consumed.deadLetterTopic())
				.partitions(1)
				.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.deadLetterRetention().toMillis()))
				.build());
			// a replayed record is handled within moments; it stays as long as a dead
			// letter would
			topics.add(TopicBuilder.name(consumed.replayTopic())
				.partitions(1)
				.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.deadLetterRetention().toMillis()))
				.build());
		}
		return topics;
	}

	/** The listeners have all been registered (and so enhanced) by now. */
	@Override
	public void start() {
		this.running = true;
		this.topics = topics(this.eventTopic, this.groups, this.properties);
		if (!this.topics.isEmpty() && !declare()) {
			this.retrying = Thread.ofVirtual().name("declare-topics").start(this::retry);
		}
	}

	private void retry() {
		try {
			do {
				Thread.sleep(RETRY_INTERVAL);
			}
			while (this.running && !declare());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean declare() {
		try {
			this.admin.createOrModifyTopics(this.topics.toArray(NewTopic[]::new));
			logger.info("Topics declared: {}", this.topics.stream().map(NewTopic::name).toList());
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Topics not declared yet (trying again in {}): {}", RETRY_INTERVAL, ex.toString());
			return false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.retrying;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the listener containers, so that their topics exist when they subscribe. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
	}

}
