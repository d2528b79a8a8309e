package org.taskflow.notification.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An in-app notification as stored. */
@Document(Notification.COLLECTION)
record Notification(@Id String id, String userId, Kind kind, String title, String body, @Nullable String taskId,
		@Nullable String actorId, boolean read, Instant createdAt, @Nullable Instant readAt) {

	static final String COLLECTION = "notifications";

	NotificationView view() {
		return new NotificationView(this.id, this.kind, this.title, this.body, this.taskId, this.actorId, this.read,
				this.createdAt);
	}

}
