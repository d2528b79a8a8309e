package org.taskflow.support.events;

import java.time.Instant;

/**
 * A CloudEvent as a consumer reads it (structured JSON mode); {@code T} is the consumer's
 * own record with only the fields it reads.
 */
public record CloudEvent<T>(String id, String type, String source, String subject, Instant time, T data) {

}
