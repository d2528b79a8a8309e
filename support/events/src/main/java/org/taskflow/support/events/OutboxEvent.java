package org.taskflow.support.events;

import java.time.Instant;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * An event waiting to be published, stored in the {@code outbox} array of the very
 * document whose change it announces, so the change and its event are one atomic write.
 * The relay ({@link OutboxRelay} or {@link BlockingOutboxRelay}) publishes and removes
 * it, holding the document meanwhile ({@link OutboxLease}). Create with
 * {@link CloudEvents#pending}.
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

	/** An event as its owner document stores it. */
	static OutboxEvent stored(Document event) {
		return new OutboxEvent(event.getString("_id"), event.getString("type"), event.getString("subject"),
				event.getDate("time").toInstant(), event.getString("data"), event.getString("traceparent"));
	}

	/** Takes a published event out of its owner document. */
	static Update removal(String id) {
		return new Update().pull(FIELD, new Document("_id", id));
	}

	static Query owner(Object ownerId) {
		return new Query(Criteria.where("_id").is(ownerId));
	}

}
