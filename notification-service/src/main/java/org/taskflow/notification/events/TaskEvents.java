package org.taskflow.notification.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.taskflow.notification.live.LiveMessage;
import org.taskflow.notification.live.LiveUpdates;
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
 * <li>every event: the task's reminders follow its due date, status and people;</li>
 * <li>{@code TaskCreated}, {@code TaskUpdated}, {@code TaskDeleted} and
 * {@code TaskRestored}, of which every change emits exactly one: the owner, the assignees
 * and the people the change took off the assignees (named in {@code TaskUpdated} only)
 * get a {@code task-changed} hint on their live streams, so their open lists and details
 * fetch it again. The specific events that precede a {@code TaskUpdated} of the same
 * change send none, or one change would be pushed up to four times.</li>
 * </ul>
 */
@Component
class TaskEvents {

	private static final String PREFIX = "taskflow.task.";

	/** The events of which every change of a task emits exactly one. */
	private static final Set<String> CHANGES = Set.of("TaskCreated", "TaskUpdated", "TaskDeleted", "TaskRestored");

	private final CloudEvents events;

	private final Tasks tasks;

	private final Notifier notifier;

	private final Reminders reminders;

	private final LiveUpdates live;

	TaskEvents(CloudEvents events, Tasks tasks, Notifier notifier, Reminders reminders, LiveUpdates live) {
		this.events = events;
		this.tasks = tasks;
		this.notifier = notifier;
		this.reminders = reminders;
		this.live = live;
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
			.flatMap((current) -> current
					? notify(name, event.id(), task, data).then(this.reminders.sync(task)).then(push(name, task, data))
					: Mono.empty());
	}

	private Mono<Void> push(String name, Task task, TaskChanged data) {
		if (!CHANGES.contains(name)) {
			return Mono.empty();
		}
		Set<String> people = new LinkedHashSet<>(task.responsible());
		if (data.removedAssigneeIds() != null) {
			people.addAll(data.removedAssigneeIds());
		}
		return this.live.taskChanged(people, new LiveMessage.TaskChanged(task.id(), task.version()));
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
			@Nullable String actorId, @Nullable List<String> addedAssigneeIds,
			@Nullable List<String> removedAssigneeIds) {
	}

}
