package org.taskflow.notification.tasks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The newest snapshot of a task seen so far. */
@Document(TaskDocument.COLLECTION)
record TaskDocument(@Id String id, @Nullable String ownerId, @Nullable String title, @Nullable String status,
		@Nullable List<String> assigneeIds, @Nullable String dueDate, @Nullable Instant dueAt, @Nullable String dueZone,
		long version, boolean deleted) {

	static final String COLLECTION = "tasks";

}
