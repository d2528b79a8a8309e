package org.taskflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Due-soon reminders with the default 24 h lead time and date-only tasks due at 09:00
 * local.
 */
class ReminderIntegrationTests extends NotificationIntegrationTests {

	private static final Duration LEAD = Duration.ofHours(24);

	@Test
	void aReminderFiresOnceWhenTheLeadTimeIsReachedForOwnerAndAssignees() {
		Person owner = register("Una");
		Person assignee = register("Ugo");
		String taskId = newTaskId();
		Instant due = Instant.now().plus(LEAD).plusSeconds(2);
		Event created = taskEvent("TaskCreated",
				task(taskId, owner, "Pay rent", "TODO", List.of(assignee), null, due, 1, owner));
		send(created, created);

		awaitTrue(() -> reminders(taskId).size() == 2
				&& reminders(taskId).stream().allMatch((reminder) -> "SENT".equals(reminder.getString("state"))));
		for (Person person : List.of(owner, assignee)) {
			assertThat(notificationsOf(person)).filteredOn((n) -> "DUE_SOON".equals(n.getString("kind")))
				.singleElement()
				.satisfies((n) -> assertThat(n.getString("title")).isEqualTo("“Pay rent” is due soon"));
		}
		assertThat(reminders(taskId))
			.allSatisfy((reminder) -> assertThat(reminder.getInteger("attempts")).isEqualTo(1));
		awaitTrue(() -> subjects(assignee.email()).contains("“Pay rent” is due soon"));
		assertThat(subjects(assignee.email())).containsOnlyOnce("“Pay rent” is due soon");
	}

	@Test
	void aDateOnlyDueDateCountsFromNineInTheRecipientsZoneAndFollowsTheirZone() {
		Person owner = register("Vic");
		preferences(owner, "Pacific/Auckland", Map.of(), null);
		String taskId = newTaskId();
		LocalDate dueDate = LocalDate.now().plusDays(10);
		send(taskEvent("TaskCreated",
				task(taskId, owner, "Renew passport", "TODO", List.of(), dueDate.toString(), null, 1, owner)));

		awaitTrue(() -> reminders(taskId).size() == 1);
		Instant nineInAuckland = dueDate.atTime(LocalTime.of(9, 0)).atZone(ZoneId.of("Pacific/Auckland")).toInstant();
		assertThat(fireAt(reminders(taskId).get(0))).isEqualTo(nineInAuckland.minus(LEAD));
		assertThat(reminders(taskId).get(0).getString("state")).isEqualTo("PENDING");

		preferences(owner, "Europe/Lisbon", Map.of(), null);
		Instant nineInLisbon = dueDate.atTime(LocalTime.of(9, 0)).atZone(ZoneId.of("Europe/Lisbon")).toInstant();
		awaitTrue(() -> fireAt(reminders(taskId).get(0)).equals(nineInLisbon.minus(LEAD)));
	}

	@Test
	void changingTheDueDateReschedulesAndCompletingOrDeletingCancels() {
		Person owner = register("Wim");
		String taskId = newTaskId();
		Instant first = Instant.now().plus(Duration.ofDays(5));
		Instant second = Instant.now().plus(Duration.ofDays(7));
		send(taskEvent("TaskCreated", task(taskId, owner, "Taxes", "TODO", List.of(), null, first, 1, owner)));
		awaitTrue(() -> reminders(taskId).size() == 1);
		send(taskEvent("TaskDueDateChanged", task(taskId, owner, "Taxes", "TODO", List.of(), null, second, 2, owner)));
		awaitTrue(() -> fireAt(reminders(taskId).get(0)).equals(truncated(second).minus(LEAD)));
		// a late, older version changes nothing
		send(taskEvent("TaskDueDateChanged", task(taskId, owner, "Taxes", "TODO", List.of(), null, first, 1, owner)));
		Map<String, Object> done = task(taskId, owner, "Taxes", "DONE", List.of(), null, second, 3, owner);
		done.put("completedAt", Instant.now().toString());
		send(taskEvent("TaskCompleted", done));
		awaitTrue(() -> "CANCELLED".equals(reminders(taskId).get(0).getString("state")));
		assertThat(fireAt(reminders(taskId).get(0))).isEqualTo(truncated(second).minus(LEAD));

		String other = newTaskId();
		send(taskEvent("TaskCreated", task(other, owner, "Visa", "TODO", List.of(), null, first, 1, owner)));
		awaitTrue(() -> reminders(other).size() == 1);
		Map<String, Object> deleted = task(other, owner, "Visa", "TODO", List.of(), null, first, 2, owner);
		deleted.put("permanently", false);
		send(taskEvent("TaskDeleted", deleted));
		awaitTrue(() -> "CANCELLED".equals(reminders(other).get(0).getString("state")));
	}

	@Test
	void aReminderCompletedJustBeforeItFiresIsNotSent() {
		Person owner = register("Xia");
		String taskId = newTaskId();
		Instant due = Instant.now().plus(LEAD).plusSeconds(3);
		send(taskEvent("TaskCreated", task(taskId, owner, "Call mum", "TODO", List.of(), null, due, 1, owner)));
		awaitTrue(() -> reminders(taskId).size() == 1);
		Map<String, Object> done = task(taskId, owner, "Call mum", "DONE", List.of(), null, due, 2, owner);
		done.put("completedAt", Instant.now().toString());
		send(taskEvent("TaskCompleted", done));
		awaitTrue(() -> "CANCELLED".equals(reminders(taskId).get(0).getString("state")));
		awaitConsumed(TASKS);
		await(Duration.ofSeconds(4));
		assertThat(notificationsOf(owner)).noneMatch((n) -> "DUE_SOON".equals(n.getString("kind")));
	}

	@Test
	void aReminderClaimedByAReplicaThatDiedIsSentOnceByAnother() {
		Person owner = register("Yan");
		String taskId = newTaskId();
		Instant due = Instant.now().plus(Duration.ofHours(20));
		send(taskEvent("TaskCreated", task(taskId, owner, "Backup", "TODO", List.of(), null, due, 1, owner)));
		awaitTrue(() -> reminders(taskId).size() == 1 && "SENT".equals(reminders(taskId).get(0).getString("state")));
		assertThat(dueSoon(owner)).hasSize(1);

		// as if a replica had claimed it again and died before settling it
		this.mongo.updateFirst(Query.query(where("taskId").is(taskId)),
				new org.springframework.data.mongodb.core.query.Update().set("state", "SENDING")
					.set("owner", "a-replica-that-died")
					.set("leaseUntil", Date.from(Instant.now().minusSeconds(1))),
				"reminders")
			.block(WAIT);
		awaitTrue(() -> "SENT".equals(reminders(taskId).get(0).getString("state")));
		assertThat(reminders(taskId).get(0).getInteger("attempts")).isEqualTo(2);
		assertThat(dueSoon(owner)).hasSize(1);
	}

	private List<Document> reminders(String taskId) {
		return find("reminders", Query.query(where("taskId").is(taskId)));
	}

	private List<Document> dueSoon(Person person) {
		return notificationsOf(person).stream().filter((n) -> "DUE_SOON".equals(n.getString("kind"))).toList();
	}

	private static Instant fireAt(Document reminder) {
		return reminder.getDate("fireAt").toInstant();
	}

	private static Instant truncated(Instant instant) {
		return Instant.ofEpochMilli(instant.toEpochMilli());
	}

	private static void await(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
