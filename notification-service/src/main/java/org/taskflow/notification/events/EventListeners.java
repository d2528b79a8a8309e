package org.taskflow.notification.events;

import java.time.Duration;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The Kafka entry points. Blocking here is deliberate: the consumer thread waits for the
 * event's writes, so a partition's events are handled one after another, and a failure
 * reaches the container's error handler (retry, then dead-letter topic).
 */
@Component
class EventListeners {

	static final String AUTH_USERS = "taskflow.auth.user-events.v1";

	static final String USERS = "taskflow.user.user-events.v1";

	static final String TASKS = "taskflow.task.task-events.v1";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final UserEvents users;

	private final TaskEvents tasks;

	EventListeners(UserEvents users, TaskEvents tasks) {
		this.users = users;
		this.tasks = tasks;
	}

	@KafkaListener(id = "notification-user-events", topics = { AUTH_USERS, USERS }, groupId = "notification-service")
	void onUserEvent(String record) {
		this.users.handle(record).block(TIMEOUT);
	}

	@KafkaListener(id = "notification-task-events", topics = TASKS, groupId = "notification-service")
	void onTaskEvent(String record) {
		this.tasks.handle(record).block(TIMEOUT);
	}

}
