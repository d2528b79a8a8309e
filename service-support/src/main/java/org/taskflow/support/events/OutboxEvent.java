package org.taskflow.support.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An event waiting to be published, stored in the {@code outbox} array of the very
 * document whose change it announces, so the change and its event are one atomic write.
 * {@link OutboxRelay} publishes and removes it. Create with {@link CloudEvents#pending}.
 *
 * @param id the CloudEvent id consumers deduplicate on
 * @param type the CloudEvent type, e.g. {@code taskflow.task.TaskCreated.v1}
 * @param subject the aggregate id: the Kafka key, so one aggregate's events stay in order
 * @param time when the change happened
 * @param data the event's JSON, written by the producer's own event record
 * @param traceparent the W3C trace context of the request that made the change, or null
 * when none was being traced; the event continues that trace
 */
public record OutboxEvent(String id, String type, String subject, Instant time, String data,
		@Nullable String traceparent) {

	/** The array field that holds a document's pending events. */
	public static final String FIELD = "outbox";

}
