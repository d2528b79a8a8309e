package org.taskflow.notification.live;

/**
 * What a person's live streams are sent: a new notification, or a hint that a task they
 * can see (or could see until now) changed.
 */
public sealed interface LiveMessage {

	/**
	 * A notification just stored for the person.
	 *
	 * @param json the notification as clients see it
	 */
	record Notification(String json) implements LiveMessage {
	}

	/**
	 * A task the person owns or is assigned to, or was until this change, changed. No
	 * content, only what a client needs to decide whether to fetch it again through the
	 * API, which decides what the person may see.
	 *
	 * @param taskId the task
	 * @param version its version after the change
	 */
	record TaskChanged(String taskId, long version) implements LiveMessage {
	}

}
