package org.taskflow.auth.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the document whose change it describes, until the relay has
 * published it. Written in the same single-document update as the change, so neither
 * exists without the other.
 *
 * @param id the CloudEvents id; consumers deduplicate on it
 * @param type the CloudEvents type, e.g. {@code taskflow.auth.UserRegistered.v1}
 * @param subject the aggregate id, also the Kafka key
 * @param time when the change happened
 * @param data the event body, a record of the producing feature
 */
public record OutboxEvent(String id, String type, String subject, Instant time, Object data) {

	public static OutboxEvent of(String type, String subject, Instant time, Object data) {
		return new OutboxEvent(UUID.randomUUID().toString(), type, subject, time, data);
	}

}
