package org.taskflow.notification.reminders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.taskflow.notification.tasks.Task;
import org.taskflow.notification.users.Recipient;
import org.taskflow.notification.users.Users;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Schedules, reschedules and cancels reminders as tasks and people change. */
@Service
@EnableConfigurationProperties(ReminderProperties.class)
public class Reminders {

	private final ReactiveMongoTemplate mongo;

	private final Users users;

	private final ReminderProperties properties;

	private final Clock clock;

	Reminders(ReactiveMongoTemplate mongo, Users users, ReminderProperties properties, Clock clock) {
		this.mongo = mongo;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Brings the task's reminders in line with its current snapshot: one per responsible
	 * person while it is open and due in the future, none otherwise.
	 */
	public Mono<Void> sync(Task task) {
		String dueKey = dueKey(task);
		if (task.deleted() || task.done() || dueKey == null) {
			return cancel(task.id(), List.of());
		}
		return Flux.fromIterable(task.responsible())
			.concatMap((userId) -> schedule(task, dueKey, userId))
			.then(cancel(task.id(), task.responsible()));
	}

	/** A person's date-only reminders follow them to their new time zone. */
	public Mono<Void> rezone(String userId) {
		Query dated = Query
			.query(where("userId").is(userId).and("state").is(Reminder.State.PENDING).and("dueDate").ne(null));
		return this.users.find(userId)
			.map(Recipient::zone)
			.flatMapMany((zone) -> this.mongo.find(dated, Reminder.class).concatMap((reminder) -> {
				Instant due = dueOn(LocalDate.parse(String.valueOf(reminder.dueDate())), zone);
				return this.mongo.updateFirst(
						Query.query(where("_id").is(reminder.id())
							.and("state")
							.is(Reminder.State.PENDING)
							.and("dueKey")
							.is(reminder.dueKey())),
						new Update().set("dueAt", due).set("fireAt", due.minus(this.properties.leadTime())),
						Reminder.class);
			}))
			.then();
	}

	public Mono<Void> forget(String userId) {
		return this.mongo.remove(Query.query(where("userId").is(userId)), Reminder.class).then();
	}

	private Mono<Void> schedule(Task task, String dueKey, String userId) {
		Mono<ZoneId> zone = (task.dueDate() != null)
				? this.users.find(userId).map(Recipient::zone).defaultIfEmpty(ZoneOffset.UTC)
				: Mono.just(ZoneOffset.UTC);
		return zone.flatMap((recipientZone) -> {
			Instant due = (task.dueAt() != null) ? task.dueAt() : dueOn(task.dueDate(), recipientZone);
			String id = id(task.id(), userId);
			if (!due.isAfter(this.clock.instant())) {
				// already due: there is nothing left to warn about
				return this.mongo
					.updateFirst(Query.query(where("_id").is(id).and("state").is(Reminder.State.PENDING)),
							new Update().set("state", Reminder.State.CANCELLED), Reminder.class)
					.then();
			}
			String dueDate = (task.dueDate() != null) ? task.dueDate().toString() : null;
			Instant fireAt = due.minus(this.properties.leadTime());
			Reminder fresh = new Reminder(id, task.id(), userId, dueKey, due, dueDate, fireAt, Reminder.State.PENDING,
					null, null, 0, null);
			// sent or under way for this due date: leave it; otherwise (new due date, or
			// cancelled and reopened) schedule it again
			Query stale = new Query(new Criteria().andOperator(where("_id").is(id), new Criteria()
				.orOperator(where("dueKey").ne(dueKey), where("state").is(Reminder.State.CANCELLED))));
			Update reschedule = new Update().set("dueKey", dueKey)
				.set("dueAt", due)
				.set("dueDate", dueDate)
				.set("fireAt", fireAt)
				.set("state", Reminder.State.PENDING)
				.set("attempts", 0)
				.unset("owner")
				.unset("leaseUntil")
				.unset("sentAt");
			return this.mongo.insert(fresh)
				.then()
				.onErrorResume(DuplicateKeyException.class,
						(ex) -> this.mongo.updateFirst(stale, reschedule, Reminder.class).then());
		});
	}

	/** Pending reminders of the task for anyone not in {@code keep} are called off. */
	private Mono<Void> cancel(String taskId, Collection<String> keep) {
		return this.mongo
			.updateMulti(
					Query.query(
							where("taskId").is(taskId).and("state").is(Reminder.State.PENDING).and("userId").nin(keep)),
					new Update().set("state", Reminder.State.CANCELLED), Reminder.class)
			.then();
	}

	private Instant dueOn(LocalDate date, ZoneId zone) {
		return date.atTime(this.properties.dateOnlyDueTime()).atZone(zone).toInstant();
	}

	/** Which due date a reminder is for; null when the task has none. */
	static @Nullable String dueKey(Task task) {
		if (task.dueAt() != null) {
			return "at:" + task.dueAt();
		}
		return (task.dueDate() != null) ? "date:" + task.dueDate() : null;
	}

	static String id(String taskId, String userId) {
		return UUID.nameUUIDFromBytes((taskId + "|" + userId).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
