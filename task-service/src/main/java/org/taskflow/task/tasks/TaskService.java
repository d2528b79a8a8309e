package org.taskflow.task.tasks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.lang.reflect.RecordComponent;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
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
import org.springframework.stereotype.Service;
import org.taskflow.support.events.OutboxEvent;
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

	/** The stored fields a change sets: all but the id and the outbox. */
	private static final List<String> STATE = Arrays.stream(Task.class.getRecordComponents())
		.map(RecordComponent::getName)
		.filter((field) -> !field.equals("id") && !field.equals(OutboxEvent.FIELD))
		.toList();

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
			request.requireValid();
			String scopedKey = (idempotencyKey != null) ? scopedKey(ownerId, idempotencyKey) : null;
			String hash = hash(request);
			Mono<Created> insert = Mono.defer(() -> {
				Task task = Task.create(UUID.randomUUID().toString(), ownerId, request, now(), scopedKey,
						(scopedKey != null) ? hash : null);
				return this.users.requireActive(task.assigneeIds())
					.then(this.mongo.insert(task.withOutbox(this.events.created(task, ownerId))))
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
			.switchIfEmpty(Mono.error(TaskException.NotFound::new));
	}

	/**
	 * Changes the editable fields: {@code change} maps the current ones to the new ones
	 * (a full replacement or a merge patch), under the task's rules
	 * ({@link Task#editedBy}). A change that changes nothing writes nothing.
	 */
	Mono<Task> update(String taskId, String userId, Function<TaskRequest, TaskRequest> change,
			@Nullable IfMatch ifMatch) {
		return write(taskId, userId, ifMatch, (current) -> {
			Task after = current.editedBy(userId, change, now());
			return new Change(after, this.events.changed(current, after, userId), after.addedAssignees(current));
		});
	}

	/**
	 * Moves the task to the trash (owner only); deleting a trashed task changes nothing.
	 */
	Mono<Task> delete(String taskId, String userId, @Nullable IfMatch ifMatch) {
		return write(taskId, userId, ifMatch, (current) -> {
			Task after = current.trashedBy(userId, now());
			return new Change(after,
					(after == current) ? List.of() : List.of(this.events.deleted(after, userId, false)), List.of());
		});
	}

	/**
	 * Takes the task out of the trash (owner only); restoring a live task changes
	 * nothing.
	 */
	Mono<Task> restore(String taskId, String userId, @Nullable IfMatch ifMatch) {
		return write(taskId, userId, ifMatch, (current) -> {
			Task after = current.restoredBy(userId, now());
			return new Change(after, (after == current) ? List.of() : List.of(this.events.restored(after, userId)),
					List.of());
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
		Task after = task.purged(now());
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
		Task after = task.withoutAssignee(userId, now());
		return save(task, after, this.events.changed(task, after, TaskEvents.SYSTEM));
	}

	private Mono<Task> write(String taskId, String userId, @Nullable IfMatch ifMatch, Function<Task, Change> decide) {
		return Mono.defer(() -> get(taskId, userId)).flatMap((current) -> {
			if (ifMatch != null && !ifMatch.matches(current.version())) {
				return Mono.error(TaskException.StaleVersion::new);
			}
			Change change = decide.apply(current);
			if (change.events().isEmpty()) {
				return Mono.just(current);
			}
			return this.users.requireActive(change.addedAssignees())
				.then(save(current, change.after(), change.events()))
				.switchIfEmpty(Mono.error(() -> (ifMatch != null) ? new TaskException.StaleVersion() : new Conflict()));
		})
			.retryWhen(Retry.max(WRITE_ATTEMPTS - 1).filter(Conflict.class::isInstance))
			.onErrorMap((ex) -> ex.getCause() instanceof Conflict || ex instanceof Conflict,
					(ex) -> new TaskException.ConcurrentUpdate());
	}

	/**
	 * The one write of a change: the new state and its events, only if the task is still
	 * at the version the change was decided on. Empty when it is not. Every stored field
	 * is set from the new state (an absent one unset) except the outbox, which gets the
	 * events pushed: the relay pulls published events from it concurrently.
	 */
	Mono<Task> save(Task before, Task after, List<OutboxEvent> events) {
		Query unchanged = new Query(Criteria.where("_id").is(before.id()).and("version").is(before.version()));
		Document state = new Document();
		this.mongo.getConverter().write(after, state);
		Update update = new Update();
		for (String field : STATE) {
			if (state.get(field) != null) {
				update.set(field, state.get(field));
			}
			else {
				update.unset(field);
			}
		}
		update.push(OutboxEvent.FIELD).each(events.toArray());
		return this.mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true), Task.class);
	}

	private Mono<Task> findByKey(String scopedKey) {
		return this.mongo.findOne(new Query(Criteria.where("idempotencyKey").is(scopedKey)), Task.class);
	}

	private static Created replay(Task existing, String hash) {
		if (!hash.equals(existing.requestHash())) {
			throw new TaskException.IdempotencyKeyReused();
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

	/** A body of the wrong shape: named by the field, without parser internals. */
	static TaskException malformed(JacksonException ex) {
		String field = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
		return new TaskException.Malformed("The request body is not valid JSON of the expected shape.", field);
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
