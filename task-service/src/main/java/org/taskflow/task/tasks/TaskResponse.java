package org.taskflow.task.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A task as the API shows it. {@code overdue}: not done and past due (a day-only due date
 * is past once that day has ended in UTC).
 */
public record TaskResponse(String id, String title, @Nullable String description, TaskStatus status,
		@Nullable Instant completedAt, Priority priority, @Nullable LocalDate dueDate, @Nullable Instant dueAt,
		@Nullable String dueZone, boolean overdue, List<String> tags, String ownerId, List<String> assigneeIds,
		Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt, long version) {

	/** What {@code fields=} may name. */
	static final List<String> FIELDS = List.of("id", "title", "description", "status", "completedAt", "priority",
			"dueDate", "dueAt", "dueZone", "overdue", "tags", "ownerId", "assigneeIds", "createdAt", "updatedAt",
			"deletedAt", "version");

	static TaskResponse of(Task task, Instant now) {
		return new TaskResponse(task.id(), task.title(), task.description(), task.status(), task.completedAt(),
				task.priority(), task.dueDay(), task.dueAt(), task.dueZone(), task.isOverdue(now), task.tags(),
				task.ownerId(), task.assigneeIds(), task.createdAt(), task.updatedAt(), task.deletedAt(),
				task.version());
	}

}
