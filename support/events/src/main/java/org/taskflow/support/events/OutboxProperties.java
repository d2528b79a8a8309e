package org.taskflow.support.events;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service's outboxes live and where they go.
 *
 * @param topic the Kafka topic the events are published to (versioned, e.g.
 * {@code taskflow.task.task-events.v1}); no topic, no relay
 * @param collections the collections whose documents carry an {@code outbox}
 * @param interval pause between relay rounds
 * @param batchSize documents taken per collection and round
 * @param lease how long one replica's claim on a document lasts: how long a document
 * waits when the replica holding it died; longer than a send may take (10 s)
 */
@ConfigurationProperties("taskflow.outbox")
@Validated
public record OutboxProperties(@Nullable String topic, @DefaultValue @NotNull List<String> collections,
		@DefaultValue("500ms") @NotNull Duration interval, @DefaultValue("100") @Min(1) int batchSize,
		@DefaultValue("30s") @NotNull Duration lease) {

	public OutboxProperties {
		if (lease != null && lease.compareTo(OutboxRelay.SEND_TIMEOUT) <= 0) {
			throw new IllegalArgumentException(
					"taskflow.outbox.lease must be longer than a send may take (" + OutboxRelay.SEND_TIMEOUT + ")");
		}
	}

}
