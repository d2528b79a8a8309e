package org.taskflow.task.tasks;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.taskflow.support.events.CloudEvents;

/**
 * Consumes user-service's {@code UserDeleted}: the user's tasks are purged and they are
 * removed as assignee from everyone else's. Other events of the topic are not for this
 * service. Blocking here is deliberate: the consumer thread is not an event loop, and
 * finishing one record before the next keeps a partition in order.
 */
@Component
class UserDeletedListener {

	static final String TOPIC = "taskflow.user.user-events.v1";

	static final String USER_DELETED = "taskflow.user.UserDeleted.v1";

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final CloudEvents cloudEvents;

	private final TaskService tasks;

	UserDeletedListener(CloudEvents cloudEvents, TaskService tasks) {
		this.cloudEvents = cloudEvents;
		this.tasks = tasks;
	}

	@KafkaListener(topics = TOPIC, groupId = "task-service")
	void on(String record) {
		this.cloudEvents.readIf(record, USER_DELETED, UserDeleted.class)
			.ifPresent((event) -> this.tasks.forgetUser(event.data().userId()).block(TIMEOUT));
	}

	/** The one field of {@code UserDeleted} this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserDeleted(String userId) {
	}

}
