package org.taskflow.task.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.taskflow.support.events.OutboxEvent;

/**
 * A task as stored, with the rules of its state. Besides what the API shows it keeps
 * fields the queries need: {@code members} (owner and assignees: who may see it),
 * {@code searchTokens}, {@code dueSort} and {@code priorityRank} (sortable forms of due
 * and priority), the owner-scoped idempotency key of its creation, and the {@code outbox}
 * of events not yet published.
 */
@Document(Task.COLLECTION)
class Task {

	static final String COLLECTION = "tasks";

	/**
	 * Sorts after every real due time: tasks without one come last in ascending order.
	 */
	static final long NO_DUE = Long.MAX_VALUE;

	@Id
	String id;

	String ownerId;

	String title;

	@Nullable String description;

	TaskStatus status;

	@Nullable Instant completedAt;

	Priority priority;

	int priorityRank;

	/** ISO {@code YYYY-MM-DD}: stored as text so no time zone ever shifts the day. */
	@Nullable String dueDate;

	@Nullable Instant dueAt;

	@Nullable String dueZone;

	long dueSort;

	List<String> tags = new ArrayList<>();

	List<String> assigneeIds = new ArrayList<>();

	List<String> members = new ArrayList<>();

	List<String> searchTokens = new ArrayList<>();

	Instant createdAt;

	Instant updatedAt;

	@Version
	@Nullable Long version;

	@Nullable Instant deletedAt;

	@Nullable Instant purgedAt;

	@Nullable String idempotencyKey;

	@Nullable String requestHash;

	List<OutboxEvent> outbox = new ArrayList<>();

	Task() {
		this.id = "";
		this.ownerId = "";
		this.title = "";
		this.status = TaskStatus.TODO;
		this.priority = Priority.MEDIUM;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	static Task create(String id, String ownerId, TaskRequest request, Instant now) {
		Task task = new Task();
		task.id = id;
		task.ownerId = ownerId;
		task.createdAt = now;
		task.apply(request, now);
		return task;
	}

	/**
	 * Sets every editable field from {@code request}; {@code completedAt} follows the
	 * status (stamped on reaching DONE, cleared on reopening).
	 */
	void apply(TaskRequest request, Instant now) {
		TaskStatus newStatus = request.statusOrDefault();
		if (newStatus == TaskStatus.DONE && this.status != TaskStatus.DONE) {
			this.completedAt = now;
		}
		else if (newStatus != TaskStatus.DONE) {
			this.completedAt = null;
		}
		else if (this.completedAt == null) {
			this.completedAt = now;
		}
		this.status = newStatus;
		this.title = request.title().strip();
		this.description = request.description();
		this.priority = request.priorityOrDefault();
		this.priorityRank = this.priority.ordinal();
		this.dueDate = (request.dueDate() != null) ? request.dueDate().toString() : null;
		this.dueAt = request.dueAt();
		this.dueZone = request.dueZone();
		this.dueSort = dueSort(request.dueDate(), request.dueAt());
		this.tags = new ArrayList<>(request.normalisedTags());
		this.assigneeIds = new ArrayList<>(request.normalisedAssignees());
		Set<String> members = new LinkedHashSet<>();
		members.add(this.ownerId);
		members.addAll(this.assigneeIds);
		this.members = new ArrayList<>(members);
		this.searchTokens = new ArrayList<>(SearchTokens.of(this.title, this.description));
		this.updatedAt = now;
	}

	void removeAssignee(String userId, Instant now) {
		this.assigneeIds.remove(userId);
		if (!isOwnedBy(userId)) {
			this.members.remove(userId);
		}
		this.updatedAt = now;
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
	 * The editable fields as a request: what a full update or merge patch starts from.
	 */
	TaskRequest editable() {
		return new TaskRequest(this.title, this.description, this.status, this.priority, dueDate(), this.dueAt,
				this.dueZone, List.copyOf(this.tags), List.copyOf(this.assigneeIds));
	}

	Task copy() {
		Task copy = new Task();
		copy.id = this.id;
		copy.ownerId = this.ownerId;
		copy.title = this.title;
		copy.description = this.description;
		copy.status = this.status;
		copy.completedAt = this.completedAt;
		copy.priority = this.priority;
		copy.priorityRank = this.priorityRank;
		copy.dueDate = this.dueDate;
		copy.dueAt = this.dueAt;
		copy.dueZone = this.dueZone;
		copy.dueSort = this.dueSort;
		copy.tags = new ArrayList<>(this.tags);
		copy.assigneeIds = new ArrayList<>(this.assigneeIds);
		copy.members = new ArrayList<>(this.members);
		copy.searchTokens = new ArrayList<>(this.searchTokens);
		copy.createdAt = this.createdAt;
		copy.updatedAt = this.updatedAt;
		copy.version = this.version;
		copy.deletedAt = this.deletedAt;
		copy.purgedAt = this.purgedAt;
		copy.idempotencyKey = this.idempotencyKey;
		copy.requestHash = this.requestHash;
		return copy;
	}

	@Nullable LocalDate dueDate() {
		return (this.dueDate != null) ? LocalDate.parse(this.dueDate) : null;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
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

	/** Whether anything a client sees differs, ignoring timestamps and version. */
	boolean sameContent(Task other) {
		return this.title.equals(other.title) && Objects.equals(this.description, other.description)
				&& this.status == other.status && this.priority == other.priority
				&& Objects.equals(this.dueDate, other.dueDate) && Objects.equals(this.dueAt, other.dueAt)
				&& Objects.equals(this.dueZone, other.dueZone) && this.tags.equals(other.tags)
				&& this.assigneeIds.equals(other.assigneeIds);
	}

	/** Only the status differs: the one change an assignee may make. */
	boolean differsOnlyInStatus(Task other) {
		Task sameStatus = other.copy();
		sameStatus.status = this.status;
		return sameContent(sameStatus);
	}

	List<String> addedAssignees(Task before) {
		return this.assigneeIds.stream().filter((id) -> !before.assigneeIds.contains(id)).toList();
	}

	boolean dueChanged(Task before) {
		return !Objects.equals(this.dueDate, before.dueDate) || !Objects.equals(this.dueAt, before.dueAt)
				|| !Objects.equals(this.dueZone, before.dueZone);
	}

}
