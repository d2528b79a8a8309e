package org.taskflow.notification.reminders;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The due-soon reminder of one task for one person.
 *
 * @param id derived from task and person: there is one at most
 * @param dueKey which due date it is for ({@code at:<instant>} or {@code date:<date>}):
 * sent once per key
 * @param dueAt the due moment it was computed for
 * @param dueDate the task's date-only due date, if that is what it has (recomputed when
 * the person's time zone changes)
 * @param fireAt when to send it
 * @param owner the replica sending it, while {@code SENDING}
 * @param leaseUntil when that replica's claim runs out
 * @param attempts how often it was claimed
 */
@Document(Reminder.COLLECTION)
record Reminder(@Id String id, String taskId, String userId, String dueKey, Instant dueAt, @Nullable String dueDate,
		Instant fireAt, State state, @Nullable String owner, @Nullable Instant leaseUntil, int attempts,
		@Nullable Instant sentAt) {

	static final String COLLECTION = "reminders";

	enum State {

		PENDING, SENDING, SENT, CANCELLED

	}

}
