package org.taskflow.notification.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A notification as clients see it, in lists and on the live stream. */
record NotificationView(String id, Kind kind, String title, String body, @Nullable String taskId,
		@Nullable String actorId, boolean read, Instant createdAt) {

}
