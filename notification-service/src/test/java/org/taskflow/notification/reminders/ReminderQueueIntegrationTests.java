package org.taskflow.notification.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.taskflow.notification.NotificationIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** How many due reminders wait, as an operator sees it. */
class ReminderQueueIntegrationTests extends NotificationIntegrationTests {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ReminderQueueMetrics queue;

	@Test
	void aDueReminderThatNobodyFiresCountsUntilItIsSettled() {
		String id = UUID.randomUUID().toString();
		Instant dueAt = Instant.now().plus(Duration.ofHours(1));
		// claimed by a replica that is still busy with it; its task is gone
		this.mongo
			.insert(new Document("_id", id).append("taskId", "task-" + id)
				.append("userId", "user-" + id)
				.append("dueKey", "at:" + dueAt)
				.append("dueAt", Date.from(dueAt))
				.append("fireAt", Date.from(Instant.now().minus(Duration.ofMinutes(1))))
				.append("state", "SENDING")
				.append("owner", "a-busy-replica")
				.append("leaseUntil", Date.from(Instant.now().plus(Duration.ofHours(1))))
				.append("attempts", 1), Reminder.COLLECTION)
			.block(WAIT);

		this.queue.measure().block(WAIT);
		double due = due();
		assertThat(due).isGreaterThanOrEqualTo(1);

		// the replica died: its lease runs out and another one settles the reminder
		this.mongo
			.updateFirst(Query.query(where("_id").is(id)),
					new Update().set("leaseUntil", Date.from(Instant.now().minusSeconds(1))), Reminder.COLLECTION)
			.block(WAIT);
		awaitTrue(() -> "CANCELLED"
			.equals(find(Reminder.COLLECTION, Query.query(where("_id").is(id))).get(0).getString("state")));
		this.queue.measure().block(WAIT);
		assertThat(due()).isLessThan(due);
	}

	private double due() {
		return this.meters.get("taskflow.reminders.queue.due").gauge().value();
	}

}
