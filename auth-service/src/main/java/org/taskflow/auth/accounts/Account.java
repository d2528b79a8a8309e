package org.taskflow.auth.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.taskflow.support.events.OutboxEvent;

/**
 * Credentials and roles of one person. Changes are single-document updates that also
 * append the event describing them to {@code outbox}.
 */
@Document(Account.COLLECTION)
public record Account(@Id String id, String email, String passwordHash, String displayName, Set<Role> roles,
		Status status, Instant createdAt, List<OutboxEvent> outbox) {

	static final String COLLECTION = "accounts";

	public enum Role {

		USER, ADMIN

	}

	public enum Status {

		ACTIVE, DISABLED

	}

}
