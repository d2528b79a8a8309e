package org.taskflow.notification.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.taskflow.notification.notifications.Kind;
import org.taskflow.notification.notifications.Notice;
import org.taskflow.notification.notifications.Notifier;
import org.taskflow.notification.reminders.Reminders;
import org.taskflow.notification.tasks.Task;
import org.taskflow.notification.tasks.Tasks;
import org.taskflow.support.events.CloudEvent;
import org.taskflow.support.events.CloudEvents;

/**
 * What task events mean here. Each carries the whole task: the projection keeps the
 * newest by version, and only an event that is not older than the projection has effects:
 * <ul>
 * <li>{@code TaskCreated}: each initial assignee is told, except someone who assigned
 * themselves; {@code TaskAssigned}: likewise each assignee added to an existing task. By
 * task-service's contract a creation's assignees come in {@code TaskCreated} only, so
 * nobody is told twice;</li>
 * <li>{@code TaskCompleted}: the owner is told when an assignee other than the owner
 * completed it;</li>
 * <li>every event: the task's reminders follow its due date, status and people.</li>
 * </ul>
 */
@Component
class TaskEvents {

	private static final String PREFIX = "taskflow.task.";

	private final CloudEvents events;

	private final Tasks tasks;

	private final Notifier notifier;

	private final Reminders reminders;

	TaskEvents(CloudEvents events, Tasks tasks, Notifier notifier, Reminders reminders) {
		this.events = events;
		this.tasks = tasks;
		this.notifier = notifier;
		this.reminders = reminders;
	}

	Mono<Void> handle(String record) {
		String type = this.events.type(record);
		if (!type.startsWith(PREFIX) || !type.endsWith(".v1")) {
			return Mono.empty();
		}
		String name = type.substring(PREFIX.length(), type.length() - ".v1".length());
		CloudEvent<TaskChanged> event = this.events.read(record, TaskChanged.class);
		TaskChanged data = event.data();
		// MongoDB keeps milliseconds: the due moment is compared after a round trip
		Instant dueAt = (data.dueAt() != null) ? data.dueAt().truncatedTo(ChronoUnit.MILLIS) : null;
		Task task = new Task(data.taskId(), data.ownerId(), data.title(), data.status(),
				(data.assigneeIds() != null) ? data.assigneeIds() : List.of(), data.dueDate(), dueAt, data.dueZone(),
				data.version(), "TaskDeleted".equals(name));
		return this.tasks.apply(task)
			.flatMap((current) -> current ? notify(name, event.id(), task, data).then(this.reminders.sync(task))
					: Mono.empty());
	}

	private Mono<Void> notify(String name, String eventId, Task task, TaskChanged data) {
		return switch (name) {
			case "TaskCreated" -> assigned(eventId, task, data.actorId(), task.assigneeIds());
			case "TaskAssigned" -> assigned(eventId, task, data.actorId(),
					(data.addedAssigneeIds() != null) ? data.addedAssigneeIds() : List.of());
			case "TaskCompleted" -> (data.actorId() != null && !data.actorId().equals(task.ownerId())
					&& task.assigneeIds().contains(data.actorId()))
							? this.notifier.notify(new Notice(eventId, task.ownerId(), Kind.TASK_COMPLETED, task.id(),
									task.title(), data.actorId(), null))
							: Mono.empty();
			default -> Mono.empty();
		};
	}

	private Mono<Void> assigned(String eventId, Task task, @Nullable String actorId, List<String> added) {
		return Flux.fromIterable(added)
			.distinct()
			.filter((assignee) -> !Objects.equals(assignee, actorId))
			.concatMap((assignee) -> this.notifier
				.notify(new Notice(eventId, assignee, Kind.TASK_ASSIGNED, task.id(), task.title(), actorId, null)))
			.then();
	}

	/** The task snapshot and the per-type fields this service reads. */
	record TaskChanged(String taskId, String ownerId, String title, String status, @Nullable List<String> assigneeIds,
			@Nullable LocalDate dueDate, @Nullable Instant dueAt, @Nullable String dueZone, long version,
			@Nullable String actorId, @Nullable List<String> addedAssigneeIds) {
	}

}
