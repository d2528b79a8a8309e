package org.taskflow.notification.email;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One email and where it stands. {@code owner} and {@code leaseUntil} are set while a
 * replica is sending it. {@code SENT}, {@code PERMANENTLY_FAILED} and {@code CANCELLED}
 * (the person's account was disabled before it went) are final.
 */
@Document(Delivery.COLLECTION)
record Delivery(@Id String id, String userId, String to, String subject, String text, String html, State state,
		int attempts, Instant nextAttemptAt, @Nullable String owner, @Nullable Instant leaseUntil,
		@Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

	static final String COLLECTION = "deliveries";

	enum State {

		PENDING, SENDING, SENT, PERMANENTLY_FAILED, CANCELLED

	}

}
