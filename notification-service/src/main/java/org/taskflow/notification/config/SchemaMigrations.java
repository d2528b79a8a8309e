package org.taskflow.notification.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.taskflow.support.migrations.Migration;

/**
 * The versioned schema steps of {@code taskflow-notification}, applied once each, in
 * order, by support-migrations' runner before the service reports ready. Never change an
 * applied step; add the next version.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

	/** A person's list, newest first, and their unread count. */
	@Bean
	Migration notificationIndexes() {
		return Migration.indexes(1, "notification lists and unread counts", "notifications", List.of(
				new Index().on("userId", Sort.Direction.ASC)
					.on("createdAt", Sort.Direction.DESC)
					.on("_id", Sort.Direction.DESC)
					.named("user_newest_first"),
				new Index().on("userId", Sort.Direction.ASC).on("read", Sort.Direction.ASC).named("user_unread")));
	}

	/** The reminder poller's claim query, and cleanup by task and by person. */
	@Bean
	Migration reminderIndexes() {
		return Migration.indexes(2, "due reminders", "reminders",
				List.of(new Index().on("state", Sort.Direction.ASC).on("fireAt", Sort.Direction.ASC).named("due"),
						new Index().on("taskId", Sort.Direction.ASC).named("task"),
						new Index().on("userId", Sort.Direction.ASC).named("user")));
	}

	/** The email poller's claim query, and cleanup by person. */
	@Bean
	Migration deliveryIndexes() {
		return Migration.indexes(3, "email deliveries", "deliveries", List.of(
				new Index().on("state", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).named("due"),
				new Index().on("userId", Sort.Direction.ASC).named("user")));
	}

}
