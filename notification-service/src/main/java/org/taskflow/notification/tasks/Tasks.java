package org.taskflow.notification.tasks;

import java.time.LocalDate;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Keeps the task projection and reads it. */
@Service
public class Tasks {

	private final ReactiveMongoTemplate mongo;

	Tasks(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Stores the snapshot unless a newer version is already there. Returns whether it is
	 * current, i.e. not older than what was stored: a redelivered event is current (same
	 * version), so its effects are replayed and deduplicated downstream, while a stale
	 * one has no effects at all.
	 */
	public Mono<Boolean> apply(Task task) {
		Update update = new Update().set("ownerId", task.ownerId())
			.set("title", task.title())
			.set("status", task.status())
			.set("assigneeIds", task.assigneeIds())
			.set("dueDate", (task.dueDate() != null) ? task.dueDate().toString() : null)
			.set("dueAt", task.dueAt())
			.set("dueZone", task.dueZone())
			.set("version", task.version())
			.set("deleted", task.deleted());
		Query notNewer = Query.query(where("_id").is(task.id()).and("version").lte(task.version()));
		return ensure(task.id()).then(this.mongo.updateFirst(notNewer, update, TaskDocument.class))
			.map((result) -> result.getMatchedCount() > 0);
	}

	public Mono<Task> find(String taskId) {
		return this.mongo.findById(taskId, TaskDocument.class)
			.filter((task) -> task.ownerId() != null)
			.map(Tasks::task);
	}

	private Mono<Void> ensure(String taskId) {
		return this.mongo
			.findAndModify(Query.query(where("_id").is(taskId)), new Update().setOnInsert("version", -1L),
					FindAndModifyOptions.options().upsert(true), TaskDocument.class)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	private static Task task(TaskDocument task) {
		return new Task(task.id(), String.valueOf(task.ownerId()), String.valueOf(task.title()),
				String.valueOf(task.status()), (task.assigneeIds() != null) ? task.assigneeIds() : List.of(),
				(task.dueDate() != null) ? LocalDate.parse(task.dueDate()) : null, task.dueAt(), task.dueZone(),
				task.version(), task.deleted());
	}

}
