package org.taskflow.task.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.taskflow.support.events.CloudEvents;
import org.taskflow.support.events.OutboxEvent;

/**
 * The events of the task topic ({@code taskflow.task.task-events.v1}, schema in
 * {@code resources/events/task-events.v1.schema.json}). Every change of a task emits
 * exactly one {@code TaskUpdated} (the full snapshot, for projections, and the assignees
 * the change removed) and, before it, one specific event per kind of change it contains
 * ({@code TaskCompleted}, {@code TaskAssigned}, {@code TaskDueDateChanged}) for consumers
 * that react to those. Creation emits {@code TaskCreated} only: its snapshot's
 * {@code assigneeIds} are the initial assignees, and {@code TaskAssigned} names people
 * added to an existing task (one fact, one event: a consumer that acted on both would
 * tell an assignee twice).
 */
@Component
class TaskEvents {

	static final String CREATED = "taskflow.task.TaskCreated.v1";

	static final String UPDATED = "taskflow.task.TaskUpdated.v1";

	static final String COMPLETED = "taskflow.task.TaskCompleted.v1";

	static final String ASSIGNED = "taskflow.task.TaskAssigned.v1";

	static final String DUE_DATE_CHANGED = "taskflow.task.TaskDueDateChanged.v1";

	static final String DELETED = "taskflow.task.TaskDeleted.v1";

	static final String RESTORED = "taskflow.task.TaskRestored.v1";

	/** The actor of changes the service makes itself (trash purge, a deleted user). */
	static final String SYSTEM = "task-service";

	private final CloudEvents cloudEvents;

	TaskEvents(CloudEvents cloudEvents) {
		this.cloudEvents = cloudEvents;
	}

	List<OutboxEvent> created(Task task, String actorId) {
		return List.of(event(CREATED, task, new TaskCreated(TaskSnapshot.of(task, actorId))));
	}

	/**
	 * The events of an update from {@code before} to {@code after}; none if nothing
	 * changed.
	 */
	List<OutboxEvent> changed(Task before, Task after, String actorId) {
		List<OutboxEvent> events = new ArrayList<>();
		if (after.sameContent(before)) {
			return events;
		}
		TaskSnapshot snapshot = TaskSnapshot.of(after, actorId);
		if (after.status() == TaskStatus.DONE && before.status() != TaskStatus.DONE && after.completedAt() != null) {
			events.add(event(COMPLETED, after, new TaskCompleted(snapshot, after.completedAt())));
		}
		List<String> added = after.addedAssignees(before);
		if (!added.isEmpty()) {
			events.add(event(ASSIGNED, after, new TaskAssigned(snapshot, added)));
		}
		if (after.dueChanged(before)) {
			events.add(event(DUE_DATE_CHANGED, after, new TaskDueDateChanged(snapshot)));
		}
		events.add(event(UPDATED, after, new TaskUpdated(snapshot, after.removedAssignees(before))));
		return events;
	}

	OutboxEvent deleted(Task task, String actorId, boolean permanently) {
		return event(DELETED, task, new TaskDeleted(TaskSnapshot.of(task, actorId), permanently));
	}

	OutboxEvent restored(Task task, String actorId) {
		return event(RESTORED, task, new TaskRestored(TaskSnapshot.of(task, actorId)));
	}

	private OutboxEvent event(String type, Task task, Object data) {
		return this.cloudEvents.pending(type, task.id(), data);
	}

	/** What every task event carries (docs/contracts.md). */
	record TaskSnapshot(String taskId, String ownerId, String title, TaskStatus status, Priority priority,
			List<String> assigneeIds, @Nullable LocalDate dueDate, @Nullable Instant dueAt, @Nullable String dueZone,
			long version, String actorId) {

		static TaskSnapshot of(Task task, String actorId) {
			return new TaskSnapshot(task.id(), task.ownerId(), task.title(), task.status(), task.priority(),
					task.assigneeIds(), task.dueDay(), task.dueAt(), task.dueZone(), task.version(), actorId);
		}

	}

	record TaskCreated(@JsonUnwrapped TaskSnapshot task) {
	}

	/**
	 * The change, with the people it took off the assignees (who no longer see the task:
	 * an open app of theirs must drop it). They are named here only, as the people added
	 * are named in {@code TaskAssigned} only.
	 */
	record TaskUpdated(@JsonUnwrapped TaskSnapshot task, List<String> removedAssigneeIds) {
	}

	record TaskCompleted(@JsonUnwrapped TaskSnapshot task, Instant completedAt) {
	}

	record TaskAssigned(@JsonUnwrapped TaskSnapshot task, List<String> addedAssigneeIds) {
	}

	record TaskDueDateChanged(@JsonUnwrapped TaskSnapshot task) {
	}

	record TaskDeleted(@JsonUnwrapped TaskSnapshot task, boolean permanently) {
	}

	record TaskRestored(@JsonUnwrapped TaskSnapshot task) {
	}

}
