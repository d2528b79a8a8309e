package org.taskflow.support.events;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the topics this service owns are declared ({@link DeclaredTopics}): its event topic
 * ({@code taskflow.outbox.topic}) and its consumer groups' dead-letter and replay topics.
 * Replication is the broker's {@code default.replication.factor}. Partitions are only
 * ever added to an existing topic, and the retention of an existing topic is left as it
 * is.
 *
 * @param partitions of the event topic: the most consumers of one group that can share it
 * @param retention of the event topic: how far back a new consumer group, or a projection
 * rebuilt from the start, can read
 * @param deadLetterRetention of the dead-letter topics: how long a dead letter waits for
 * a replay
 */
@ConfigurationProperties("taskflow.events.topics")
@Validated
public record TopicProperties(@DefaultValue("3") @Min(1) int partitions,
		@DefaultValue("7d") @NotNull Duration retention, @DefaultValue("28d") @NotNull Duration deadLetterRetention) {

}
