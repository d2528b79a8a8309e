package org.taskflow.task.tasks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.taskflow.support.events.OutboxEvent;
import org.taskflow.support.web.ApiException;
import org.taskflow.support.web.Problems;
import org.taskflow.task.users.UserDirectory;

/**
 * The task use cases. Every change reads the task, applies the domain rules in memory,
 * then writes the new state and its events in one conditional single-document update
 * ({@code _id} and the version read): a concurrent change makes that write miss, and it
 * is retried from a fresh read, or answered 412 when the client sent {@code If-Match}.
 */
@Service
class TaskService {

	private static final int WRITE_ATTEMPTS = 3;

	private final ReactiveMongoTemplate mongo;

	private final TaskEvents events;

	private final UserDirectory users;

	private final JsonMapper json;

	private final Clock clock;

	TaskService(ReactiveMongoTemplate mongo, TaskEvents events, UserDirectory users, JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.users = users;
		this.json = json;
		this.clock = clock;
	}

	/** Mongo keeps milliseconds: so do the tasks in memory, their events and cursors. */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Creates a task. With an idempotency key, a retry of the same request by the same
	 * owner returns the task the first attempt created; the same key with another body is
	 * a 422.
	 */
	Mono<Created> create(String ownerId, TaskRequest request, @Nullable String idempotencyKey) {
		return Mono.defer(() -> {
			requireValid(request);
			String scopedKey = (idempotencyKey != null) ? scopedKey(ownerId, idempotencyKey) : null;
			String hash = hash(request);
			Mono<Created> insert = Mono.defer(() -> {
				Task task = Task.create(UUID.randomUUID().toString(), ownerId, request, now());
				task.version = 0L;
				task.idempotencyKey = scopedKey;
				task.requestHash = (scopedKey != null) ? hash : null;
				task.outbox.addAll(this.events.created(task, ownerId));
				return this.users.requireActive(task.assigneeIds)
					.then(this.mongo.insert(task))
					.map((saved) -> new Created(saved, false));
			});
			if (scopedKey == null) {
				return insert;
			}
			return findByKey(scopedKey).map((existing) -> replay(existing, hash))
				.switchIfEmpty(insert.onErrorResume(DuplicateKeyException.class,
						(ex) -> findByKey(scopedKey).map((existing) -> replay(existing, hash))));
		});
	}

	/**
	 * A task the user may see: owned or assigned, and in the trash only for its owner.
	 */
	Mono<Task> get(String taskId, String userId) {
		return this.mongo.findOne(new Query(Criteria.where("_id").is(taskId).and("members").is(userId)), Task.class)
			.filter((task) -> !task.isDeleted() || task.isOwnedBy(userId))
			.switchIfEmpty(Mono.error(TaskService::notFound));
	}

	/**
	 * Changes the editable fields: {@code change} maps the current ones to the new ones
	 * (a full replacement or a merge patch). The owner may change anything; an assignee
	 * only the status (403 otherwise). A change that changes nothing writes nothing.
	 */
	Mono<Task> update(String taskId, String userId, Function<TaskRequest, TaskRequest> change,
			@Nullable IfMatch ifMatch) {
		return write(taskId, userId, ifMatch, (current) -> {
			if (current.isDeleted()) {
				throw new ApiException(HttpStatus.CONFLICT, "task-in-trash",
						"The task is in the trash; restore it first.");
			}
			TaskRequest next = change.apply(current.editable());
			requireValid(next);
			Task after = current.copy();
			after.apply(next, now());
			if (after.sameContent(current)) {
				return new Change(after, List.of(), List.of());
			}
			if (!current.isOwnedBy(userId) && !after.differsOnlyInStatus(current)) {
				throw new ApiException(HttpStatus.FORBIDDEN, "assignee-may-change-status-only",
						"As an assignee you can change the status of this task, nothing else.");
			}
			after.version = current.version() + 1;
			return new Change(after, this.events.changed(current, after, userId), after.addedAssignees(current));
		});
	}

	/**
	 * Moves the task to the trash (owner only); deleting a trashed task changes nothing.
	 */
	Mono<Task> delete(String taskId, String userId, @Nullable IfMatch ifMatch) {
		return write(taskId, userId, ifMatch, (current) -> {
			requireOwner(current, userId);
			if (current.isDeleted()) {
				return new Change(current, List.of(), List.of());
			}
			Task after = current.copy();
			Instant now = now();
			after.deletedAt = now;
			after.updatedAt = now;
			after.version = current.version() + 1;
			return new Change(after, List.of(this.events.deleted(after, userId, false)), List.of());
		});
	}

	/**
	 * Takes the task out of the trash (owner only); restoring a live task changes
	 * nothing.
	 */
	Mono<Task> restore(String taskId, String userId, @Nullable IfMatch ifMatch) {
		return write(taskId, userId, ifMatch, (current) -> {
			requireOwner(current, userId);
			if (!current.isDeleted()) {
				return new Change(current, List.of(), List.of());
			}
			Task after = current.copy();
			after.deletedAt = null;
			after.updatedAt = now();
			after.version = current.version() + 1;
			return new Change(after, List.of(this.events.restored(after, userId)), List.of());
		});
	}

	/**
	 * Purges a task for good. Removing the document at once would remove the outbox
	 * holding its {@code TaskDeleted(permanently)} with it, and the event would never be
	 * published. So this marks it instead ({@code purgedAt}, no {@code members}: nobody
	 * can read it any more) and pushes the event in the same write; {@link #sweep()}
	 * removes the document once the relay has published and pulled that event. Empty when
	 * the task changed meanwhile (e.g. restored): it is then left alone.
	 */
	Mono<Task> purge(Task task) {
		Task after = task.copy();
		Instant now = now();
		after.purgedAt = now;
		if (after.deletedAt == null) {
			after.deletedAt = now;
		}
		after.members = new ArrayList<>();
		after.updatedAt = now;
		after.version = task.version() + 1;
		return save(task, after, List.of(this.events.deleted(after, TaskEvents.SYSTEM, true)));
	}

	/** Removes purged tasks whose last event has been published. */
	Mono<Long> sweep() {
		return this.mongo
			.remove(new Query(Criteria.where("purgedAt").ne(null).and(OutboxEvent.FIELD + ".0").exists(false)),
					Task.class)
			.map((result) -> result.getDeletedCount());
	}

	/**
	 * A deleted user leaves no task behind: theirs are purged, and they are removed from
	 * the assignees of everyone else's (a {@code TaskUpdated}). Idempotent: a redelivered
	 * event finds nothing left to do. A task that changed concurrently is missed by its
	 * conditional write, which this reports as a failure so the event is retried.
	 */
	Mono<Void> forgetUser(String userId) {
		Flux<Task> owned = this.mongo
			.find(new Query(Criteria.where("ownerId").is(userId).and("purgedAt").is(null)), Task.class)
			.concatMap(this::purge);
		Flux<Task> assigned = this.mongo
			.find(new Query(Criteria.where("assigneeIds").is(userId).and("purgedAt").is(null)), Task.class)
			.concatMap((task) -> withoutAssignee(task, userId));
		Mono<Long> left = this.mongo.count(new Query(new Criteria()
			.orOperator(Criteria.where("ownerId").is(userId), Criteria.where("assigneeIds").is(userId))
			.and("purgedAt")
			.is(null)), Task.class);
		return owned.thenMany(assigned)
			.then(left)
			.flatMap((count) -> (count == 0) ? Mono.<Void>empty() : Mono.error(new IllegalStateException(
					count + " tasks of deleted user " + userId + " changed concurrently; retrying")));
	}

	private Mono<Task> withoutAssignee(Task task, String userId) {
		Task after = task.copy();
		after.removeAssignee(userId, now());
		after.version = task.version() + 1;
		return save(task, after, this.events.changed(task, after, TaskEvents.SYSTEM));
	}

	private Mono<Task> write(String taskId, String userId, @Nullable IfMatch ifMatch, Function<Task, Change> decide) {
		return Mono.defer(() -> get(taskId, userId)).flatMap((current) -> {
			if (ifMatch != null && !ifMatch.matches(current.version())) {
				return Mono.error(TaskService::stale);
			}
			Change change = decide.apply(current);
			if (change.events().isEmpty()) {
				return Mono.just(current);
			}
			return this.users.requireActive(change.addedAssignees())
				.then(save(current, change.after(), change.events()))
				.switchIfEmpty(Mono.error(() -> (ifMatch != null) ? stale() : new Conflict()));
		})
			.retryWhen(Retry.max(WRITE_ATTEMPTS - 1).filter(Conflict.class::isInstance))
			.onErrorMap((ex) -> ex.getCause() instanceof Conflict || ex instanceof Conflict,
					(ex) -> new ApiException(HttpStatus.CONFLICT, "concurrent-update",
							"The task keeps changing under this request; try again."));
	}

	/**
	 * The one write of a change: the new state and its events, only if the task is still
	 * at the version the change was decided on. Empty when it is not.
	 */
	Mono<Task> save(Task before, Task after, List<OutboxEvent> events) {
		Query unchanged = new Query(Criteria.where("_id").is(before.id).and("version").is(before.version()));
		Update update = new Update().set("title", after.title)
			.set("description", after.description)
			.set("status", after.status)
			.set("completedAt", after.completedAt)
			.set("priority", after.priority)
			.set("priorityRank", after.priorityRank)
			.set("dueDate", after.dueDate)
			.set("dueAt", after.dueAt)
			.set("dueZone", after.dueZone)
			.set("dueSort", after.dueSort)
			.set("tags", after.tags)
			.set("assigneeIds", after.assigneeIds)
			.set("members", after.members)
			.set("searchTokens", after.searchTokens)
			.set("updatedAt", after.updatedAt)
			.set("deletedAt", after.deletedAt)
			.set("purgedAt", after.purgedAt)
			.set("version", after.version());
		update.push(OutboxEvent.FIELD).each(events.toArray());
		return this.mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true), Task.class);
	}

	private Mono<Task> findByKey(String scopedKey) {
		return this.mongo.findOne(new Query(Criteria.where("idempotencyKey").is(scopedKey)), Task.class);
	}

	private static Created replay(Task existing, String hash) {
		if (!hash.equals(existing.requestHash)) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"This Idempotency-Key was used for a different request.");
		}
		return new Created(existing, true);
	}

	/**
	 * One unique, sparse single-field index serves every owner: the key is stored
	 * prefixed with its owner (length-prefixed, so no two owner/key pairs collide). A
	 * compound (ownerId, key) index would need a partial filter for tasks without a key,
	 * which the embedded Mongo server does not support.
	 */
	static String scopedKey(String ownerId, String key) {
		return ownerId.length() + ":" + ownerId + ":" + key;
	}

	private String hash(TaskRequest request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void requireValid(TaskRequest request) {
		List<Map<String, String>> errors = request.crossFieldErrors();
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
	}

	static ApiException invalid(List<Map<String, String>> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
		problem.setProperty("errors", errors);
		return new ApiException(problem, null);
	}

	/** A body of the wrong shape: a 400 naming the field, without parser internals. */
	static ApiException malformed(JacksonException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
				"The request body is not valid JSON of the expected shape.");
		String field = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
		if (!field.isEmpty()) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type or value")));
		}
		return new ApiException(problem, null);
	}

	private static void requireOwner(Task task, String userId) {
		if (!task.isOwnedBy(userId)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "owner-only", "Only the task's owner can do that.");
		}
	}

	static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "task-not-found", "There is no such task.");
	}

	private static ApiException stale() {
		return new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version",
				"The task has changed since you read it (If-Match does not match its ETag).");
	}

	record Created(Task task, boolean replayed) {
	}

	private record Change(Task after, List<OutboxEvent> events, List<String> addedAssignees) {
	}

	/** The conditional write missed: someone else changed the task in between. */
	private static final class Conflict extends RuntimeException {

		Conflict() {
			super(null, null, false, false);
		}

	}

}
