package org.taskflow.notification.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something a person should be told.
 *
 * @param cause what caused it, unique per occurrence: an event id, or a reminder and its
 * due date; with the recipient and kind it determines the notification's id
 * @param recipientId who is told
 * @param kind what kind of notice
 * @param taskId the task it concerns, if any
 * @param taskTitle that task's title
 * @param actorId who did it, if someone did
 * @param dueAt when the task is due (due-soon notices)
 */
public record Notice(String cause, String recipientId, Kind kind, @Nullable String taskId, @Nullable String taskTitle,
		@Nullable String actorId, @Nullable Instant dueAt) {

}
