package org.taskflow.notification.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.taskflow.notification.config.PollingLoop;
import org.taskflow.notification.notifications.Kind;
import org.taskflow.notification.notifications.Notice;
import org.taskflow.notification.notifications.Notifier;
import org.taskflow.notification.tasks.Task;
import org.taskflow.notification.tasks.Tasks;
import org.taskflow.notification.users.Users;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Fires due reminders. A reminder is claimed with one findAndModify (PENDING and due, or
 * SENDING with an expired lease, becomes SENDING owned by this replica), so only one
 * replica fires it; if that replica dies, the lease runs out and another one fires it.
 * Firing twice cannot show twice: the notification's id is derived from the reminder and
 * its due date. Before firing, the task is checked once more (still open, still due then,
 * the person still on it) and so is the person's account: a reminder that would tell
 * nobody (disabled or deleted account, where the Notifier sends nothing) is CANCELLED,
 * not SENT.
 */
@Component
class ReminderPoller extends PollingLoop {

	private static final Logger logger = LoggerFactory.getLogger(ReminderPoller.class);

	private final String owner = "reminders-" + UUID.randomUUID();

	private final ReactiveMongoTemplate mongo;

	private final Tasks tasks;

	private final Notifier notifier;

	private final Users users;

	private final ReminderProperties properties;

	private final Clock clock;

	ReminderPoller(ReactiveMongoTemplate mongo, Tasks tasks, Notifier notifier, Users users,
			ReminderProperties properties, Clock clock) {
		this.mongo = mongo;
		this.tasks = tasks;
		this.notifier = notifier;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected Mono<Void> round() {
		return fireDue();
	}

	@Override
	protected Duration lease() {
		return this.properties.lease();
	}

	@Override
	protected Duration pollInterval() {
		return this.properties.pollInterval();
	}

	Mono<Void> fireDue() {
		Instant now = this.clock.instant();
		Query due = new Query(claimable(now)).limit(this.properties.batchSize());
		due.fields().include("_id");
		return this.mongo.find(due, Document.class, Reminder.COLLECTION)
			.concatMap((candidate) -> claim(candidate.getString("_id"), now))
			.concatMap((reminder) -> fire(reminder).onErrorResume((ex) -> {
				// left SENDING: the lease runs out and a later round tries again
				logger.warn("Reminder {} not sent yet: {}", reminder.id(), ex.toString());
				return Mono.empty();
			}))
			.onErrorResume((ex) -> {
				logger.warn("Reminder round failed: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private static Criteria claimable(Instant now) {
		return new Criteria().orOperator(where("state").is(Reminder.State.PENDING).and("fireAt").lte(now),
				where("state").is(Reminder.State.SENDING).and("leaseUntil").lte(now));
	}

	private Mono<Reminder> claim(String id, Instant now) {
		Query query = new Query(new Criteria().andOperator(where("_id").is(id), claimable(now)));
		Update update = new Update().set("state", Reminder.State.SENDING)
			.set("owner", this.owner)
			.set("leaseUntil", now.plus(this.properties.lease()))
			.inc("attempts", 1);
		return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Reminder.class);
	}

	private Mono<Void> fire(Reminder reminder) {
		return this.tasks.find(reminder.taskId())
			.filter((task) -> stillDue(task, reminder))
			.filterWhen((task) -> reachable(reminder.userId()))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(
					(task) -> task.isPresent()
							? this.notifier
								.notify(new Notice("reminder:" + reminder.id() + ":" + reminder.dueKey(),
										reminder.userId(), Kind.DUE_SOON, reminder.taskId(), task.get().title(), null,
										reminder.dueAt()))
								.then(settle(reminder, Reminder.State.SENT))
							: settle(reminder, Reminder.State.CANCELLED));
	}

	private static boolean stillDue(Task task, Reminder reminder) {
		return !task.deleted() && !task.done() && reminder.dueKey().equals(Reminders.dueKey(task))
				&& task.responsible().contains(reminder.userId());
	}

	/**
	 * The Notifier tells a person it has not heard of yet, but no disabled or deleted
	 * one.
	 */
	private Mono<Boolean> reachable(String userId) {
		return this.users.find(userId).map((person) -> !person.silenced()).defaultIfEmpty(true);
	}

	/**
	 * Only while this replica still holds the claim for the same due date: a reschedule
	 * that happened meanwhile wins.
	 */
	private Mono<Void> settle(Reminder reminder, Reminder.State state) {
		Query mine = Query.query(where("_id").is(reminder.id())
			.and("owner")
			.is(this.owner)
			.and("state")
			.is(Reminder.State.SENDING)
			.and("dueKey")
			.is(reminder.dueKey()));
		Update update = new Update().set("state", state).unset("owner").unset("leaseUntil");
		if (state == Reminder.State.SENT) {
			update.set("sentAt", this.clock.instant());
		}
		return this.mongo.updateFirst(mine, update, Reminder.class).then();
	}

}
