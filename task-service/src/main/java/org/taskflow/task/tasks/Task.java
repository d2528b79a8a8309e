package org.taskflow.task.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.taskflow.support.events.OutboxEvent;

/**
 * A task as stored, immutable: each state change is a method that checks its rule and
 * returns the changed task (one version later), or throws a {@link TaskException}.
 * Besides what the API shows it keeps fields the queries need: {@code members} (owner and
 * assignees: who may see it), {@code searchTokens}, {@code dueSort} and
 * {@code priorityRank} (sortable forms of due and priority), the owner-scoped idempotency
 * key of its creation, and the {@code outbox} of events not yet published. Never sent to
 * clients or other services as it is: {@link TaskResponse} and the events are its public
 * faces.
 *
 * @param dueDate ISO {@code YYYY-MM-DD}: stored as text so no time zone ever shifts the
 * day
 */
@Document(Task.COLLECTION)
record Task(@Id String id, String ownerId, String title, @Nullable String description, TaskStatus status,
		@Nullable Instant completedAt, Priority priority, int priorityRank, @Nullable String dueDate,
		@Nullable Instant dueAt, @Nullable String dueZone, long dueSort, List<String> tags, List<String> assigneeIds,
		List<String> members, List<String> searchTokens, Instant createdAt, Instant updatedAt, long version,
		@Nullable Instant deletedAt, @Nullable Instant purgedAt, @Nullable String idempotencyKey,
		@Nullable String requestHash, List<OutboxEvent> outbox) {

	static final String COLLECTION = "tasks";

	/**
	 * Sorts after every real due time: tasks without one come last in ascending order.
	 */
	static final long NO_DUE = Long.MAX_VALUE;

	/** A stored document may lack an empty list; in memory every list is there. */
	Task {
		tags = listOf(tags);
		assigneeIds = listOf(assigneeIds);
		members = listOf(members);
		searchTokens = listOf(searchTokens);
		outbox = listOf(outbox);
	}

	/**
	 * A new task, version 0, from a validated request; {@code idempotencyKey} (scoped to
	 * the owner) and the hash of the request that created it make a retry recognisable.
	 */
	static Task create(String id, String ownerId, TaskRequest request, Instant now, @Nullable String idempotencyKey,
			@Nullable String requestHash) {
		return new Task(id, ownerId, "", null, TaskStatus.TODO, null, Priority.MEDIUM, 0, null, null, null, NO_DUE,
				List.of(), List.of(), List.of(ownerId), List.of(), now, now, 0, null, null, idempotencyKey, requestHash,
				List.of())
			.with(request, now, 0);
	}

	/**
	 * This task after {@code userId} changed its editable fields ({@code change} maps the
	 * current ones to the new ones: a full replacement or a merge patch): the owner may
	 * change anything, an assignee only the status, and a task in the trash nothing.
	 * Unchanged (same version) when the change changes nothing.
	 */
	Task editedBy(String userId, Function<TaskRequest, TaskRequest> change, Instant now) {
		if (isDeleted()) {
			throw new TaskException.InTrash();
		}
		TaskRequest request = change.apply(editable());
		request.requireValid();
		Task after = with(request, now, this.version + 1);
		if (after.sameContent(this)) {
			return this;
		}
		if (!isOwnedBy(userId) && !after.editable().withStatus(this.status).equals(editable())) {
			throw new TaskException.AssigneeMayChangeStatusOnly();
		}
		return after;
	}

	/** In the trash, by its owner; a task already there is returned as it is. */
	Task trashedBy(String userId, Instant now) {
		requireOwner(userId);
		if (isDeleted()) {
			return this;
		}
		return withLifecycle(now, now, null, this.members);
	}

	/** Out of the trash, by its owner; a live task is returned as it is. */
	Task restoredBy(String userId, Instant now) {
		requireOwner(userId);
		if (!isDeleted()) {
			return this;
		}
		return withLifecycle(null, now, null, this.members);
	}

	/**
	 * Gone for everyone: marked purged (and deleted, if it was not) with no
	 * {@code members}, so nobody can read it any more, until the document is removed.
	 */
	Task purged(Instant now) {
		return withLifecycle((this.deletedAt != null) ? this.deletedAt : now, now, now, List.of());
	}

	/** Without {@code userId} among its assignees (someone whose account is gone). */
	Task withoutAssignee(String userId, Instant now) {
		List<String> assignees = this.assigneeIds.stream().filter((id) -> !id.equals(userId)).toList();
		List<String> remaining = this.members.stream().filter((id) -> !id.equals(userId) || isOwnedBy(id)).toList();
		return new Task(this.id, this.ownerId, this.title, this.description, this.status, this.completedAt,
				this.priority, this.priorityRank, this.dueDate, this.dueAt, this.dueZone, this.dueSort, this.tags,
				assignees, remaining, this.searchTokens, this.createdAt, now, this.version + 1, this.deletedAt,
				this.purgedAt, this.idempotencyKey, this.requestHash, this.outbox);
	}

	/** This task with these events waiting in its outbox (before its first write). */
	Task withOutbox(List<OutboxEvent> events) {
		return new Task(this.id, this.ownerId, this.title, this.description, this.status, this.completedAt,
				this.priority, this.priorityRank, this.dueDate, this.dueAt, this.dueZone, this.dueSort, this.tags,
				this.assigneeIds, this.members, this.searchTokens, this.createdAt, this.updatedAt, this.version,
				this.deletedAt, this.purgedAt, this.idempotencyKey, this.requestHash, events);
	}

	/**
	 * Every editable field from {@code request}, and what follows from them:
	 * {@code completedAt} follows the status (stamped on reaching DONE, cleared on
	 * reopening), members, search tokens and the sortable forms.
	 */
	private Task with(TaskRequest request, Instant now, long version) {
		TaskStatus newStatus = request.statusOrDefault();
		Instant completed = (newStatus != TaskStatus.DONE) ? null
				: (this.status == TaskStatus.DONE && this.completedAt != null) ? this.completedAt : now;
		String newTitle = request.title().strip();
		Priority newPriority = request.priorityOrDefault();
		List<String> assignees = request.normalisedAssignees();
		Set<String> newMembers = new LinkedHashSet<>();
		newMembers.add(this.ownerId);
		newMembers.addAll(assignees);
		return new Task(this.id, this.ownerId, newTitle, request.description(), newStatus, completed, newPriority,
				newPriority.ordinal(), (request.dueDate() != null) ? request.dueDate().toString() : null,
				request.dueAt(), request.dueZone(), dueSort(request.dueDate(), request.dueAt()),
				request.normalisedTags(), assignees, List.copyOf(newMembers),
				List.copyOf(SearchTokens.of(newTitle, request.description())), this.createdAt, now, version,
				this.deletedAt, this.purgedAt, this.idempotencyKey, this.requestHash, this.outbox);
	}

	private Task withLifecycle(@Nullable Instant deleted, Instant now, @Nullable Instant purged,
			List<String> visibleTo) {
		return new Task(this.id, this.ownerId, this.title, this.description, this.status, this.completedAt,
				this.priority, this.priorityRank, this.dueDate, this.dueAt, this.dueZone, this.dueSort, this.tags,
				this.assigneeIds, visibleTo, this.searchTokens, this.createdAt, now, this.version + 1, deleted, purged,
				this.idempotencyKey, this.requestHash, this.outbox);
	}

	private void requireOwner(String userId) {
		if (!isOwnedBy(userId)) {
			throw new TaskException.OwnerOnly();
		}
	}

	/**
	 * A day-only due date is due until the end of that day in UTC (the service does not
	 * know the user's zone for a plain date); a due instant is due at that instant.
	 */
	static long dueSort(@Nullable LocalDate date, @Nullable Instant at) {
		if (at != null) {
			return at.toEpochMilli();
		}
		if (date != null) {
			return date.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC).toEpochMilli();
		}
		return NO_DUE;
	}

	/**
	 * The editable fields as a request: what a full update or merge patch starts from,
	 * and what two versions of a task are compared by.
	 */
	TaskRequest editable() {
		return new TaskRequest(this.title, this.description, this.status, this.priority, dueDay(), this.dueAt,
				this.dueZone, this.tags, this.assigneeIds);
	}

	@Nullable LocalDate dueDay() {
		return (this.dueDate != null) ? LocalDate.parse(this.dueDate) : null;
	}

	boolean isOwnedBy(String userId) {
		return this.ownerId.equals(userId);
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	boolean isOverdue(Instant now) {
		return this.status != TaskStatus.DONE && this.dueSort != NO_DUE && this.dueSort < now.toEpochMilli();
	}

	/** Whether anything a client may edit differs, ignoring timestamps and version. */
	boolean sameContent(Task other) {
		return editable().equals(other.editable());
	}

	List<String> addedAssignees(Task before) {
		return this.assigneeIds.stream().filter((id) -> !before.assigneeIds.contains(id)).toList();
	}

	List<String> removedAssignees(Task before) {
		return before.assigneeIds.stream().filter((id) -> !this.assigneeIds.contains(id)).toList();
	}

	boolean dueChanged(Task before) {
		return !Objects.equals(this.dueDate, before.dueDate) || !Objects.equals(this.dueAt, before.dueAt)
				|| !Objects.equals(this.dueZone, before.dueZone);
	}

	private static <T> List<T> listOf(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

}
