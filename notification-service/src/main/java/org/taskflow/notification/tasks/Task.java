package org.taskflow.notification.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A task as the notification path needs it.
 *
 * @param id the task id
 * @param ownerId who owns it
 * @param title its title
 * @param status {@code TODO}, {@code IN_PROGRESS} or {@code DONE}
 * @param assigneeIds the current assignees
 * @param dueDate a due date without a time, or null
 * @param dueAt a due instant, or null (at most one of the two is set)
 * @param dueZone the zone picked with {@code dueAt}, or null
 * @param version the task's version; newer snapshots have higher versions
 * @param deleted in the trash or purged
 */
public record Task(String id, String ownerId, String title, String status, List<String> assigneeIds,
		@Nullable LocalDate dueDate, @Nullable Instant dueAt, @Nullable String dueZone, long version, boolean deleted) {

	public boolean done() {
		return "DONE".equals(this.status);
	}

	/** Who hears about it coming due: the owner and every assignee. */
	public Set<String> responsible() {
		Set<String> people = new LinkedHashSet<>();
		people.add(this.ownerId);
		people.addAll(this.assigneeIds);
		return people;
	}

}
