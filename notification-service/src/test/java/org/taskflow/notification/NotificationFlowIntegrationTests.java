package org.taskflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

class NotificationFlowIntegrationTests extends NotificationIntegrationTests {

	private static final boolean[] BOTH = { true, true };

	@Test
	void anAssignmentByAnotherUserReachesTheAssigneeInAppLiveAndByEmailExactlyOnceEvenWhenDeliveredTwice() {
		Person ada = register("Ada");
		Person bob = register("Bob");
		preferences(ada, "Europe/Paris", Map.of("TASK_ASSIGNED", BOTH, "DUE_SOON", BOTH), null);
		List<ServerSentEvent<String>> live = new CopyOnWriteArrayList<>();
		Disposable stream = stream(this.port, streamTicket(ada), null).subscribe(live::add);
		try {
			awaitTrue(() -> live.stream().anyMatch((event) -> "connected".equals(event.comment())));

			String taskId = newTaskId();
			Map<String, Object> data = task(taskId, bob, "Write <the> report", "TODO", List.of(ada), null, null, 2,
					bob);
			data.put("addedAssigneeIds", List.of(ada.id()));
			Event assigned = taskEvent("TaskAssigned", data);
			send(assigned, assigned);
			settled(taskId, bob, 3);

			String title = "Bob assigned you “Write <the> report”";
			awaitTrue(() -> subjects(ada.email()).contains(title));
			awaitTrue(() -> liveNotifications(live).size() == 1);

			List<JsonNode> inApp = items(ada).stream()
				.filter((item) -> "TASK_ASSIGNED".equals(item.get("kind").asString()))
				.toList();
			assertThat(inApp).hasSize(1);
			assertThat(inApp.get(0).get("title").asString()).isEqualTo(title);
			assertThat(inApp.get(0).get("taskId").asString()).isEqualTo(taskId);
			assertThat(inApp.get(0).get("actorId").asString()).isEqualTo(bob.id());
			assertThat(inApp.get(0).get("read").asBoolean()).isFalse();

			ServerSentEvent<String> message = liveNotifications(live).get(0);
			assertThat(message.id()).isEqualTo(inApp.get(0).get("id").asString());
			assertThat(this.json.readTree(message.data()).get("title").asString()).isEqualTo(title);

			awaitTrue(() -> deliveriesOf(ada).stream()
				.allMatch((delivery) -> "SENT".equals(delivery.getString("state"))));
			List<Mail> mails = mailbox(ada.email()).stream().filter((mail) -> mail.subject().equals(title)).toList();
			assertThat(mails).hasSize(1);
			assertThat(mails.get(0).contentType()).startsWith("multipart/");
			assertThat(mails.get(0).text()).contains("text/plain", "text/html", "Write &lt;the&gt; report",
					"/tasks/" + taskId);
			// nothing more arrives later either
			assertThat(liveNotifications(live)).hasSize(1);
			assertThat(subjects(ada.email())).containsOnlyOnce(title);
		}
		finally {
			stream.dispose();
		}
	}

	@Test
	void preferencesChooseTheChannelsPerKind() {
		Person owner = register("Olga");
		Person inAppOnly = register("Ines");
		Person emailOnly = register("Emil");
		preferences(inAppOnly, "UTC", Map.of("TASK_ASSIGNED", new boolean[] { true, false }), null);
		preferences(emailOnly, "UTC", Map.of("TASK_ASSIGNED", new boolean[] { false, true }), null);

		String taskId = newTaskId();
		Map<String, Object> data = task(taskId, owner, "Plan", "TODO", List.of(inAppOnly, emailOnly), null, null, 2,
				owner);
		data.put("addedAssigneeIds", List.of(inAppOnly.id(), emailOnly.id()));
		send(taskEvent("TaskAssigned", data));
		settled(taskId, owner, 3);

		String title = "Olga assigned you “Plan”";
		awaitTrue(() -> subjects(emailOnly.email()).contains(title));
		assertThat(kinds(inAppOnly)).contains("TASK_ASSIGNED");
		assertThat(kinds(emailOnly)).doesNotContain("TASK_ASSIGNED").contains("WELCOME");
		awaitTrue(() -> deliveriesOf(inAppOnly).stream()
			.allMatch((delivery) -> "SENT".equals(delivery.getString("state"))));
		assertThat(deliveriesOf(inAppOnly)).extracting((delivery) -> delivery.getString("subject"))
			.doesNotContain(title);
		assertThat(subjects(inAppOnly.email())).doesNotContain(title);
	}

	@Test
	void welcomesANewUserInAppAndByEmail() {
		Person nora = register("Nora");
		awaitTrue(() -> subjects(nora.email()).contains("Welcome to TaskFlow, Nora"));
		assertThat(kinds(nora)).containsExactly("WELCOME");
	}

	@Test
	void aSignupWithTheirAddressTellsTheOwnerByEmailAtMostOnceAnHourWhateverTheyChoseForOtherKinds() {
		Person ada = register("Ada");
		boolean[] inAppOnly = { true, false };
		preferences(ada, "UTC", Map.of("TASK_ASSIGNED", inAppOnly, "DUE_SOON", inAppOnly, "TASK_COMPLETED", inAppOnly,
				"WELCOME", inAppOnly), null);
		String subject = "Someone tried to sign up with your email address";
		for (String at : List.of("2026-12-05T10:05:00Z", "2026-12-05T10:55:00Z", "2026-12-05T11:01:00Z")) {
			send(event(AUTH_USERS, "taskflow.auth.SignupAttempted.v1", ada.id(),
					Map.of("userId", ada.id(), "attemptedAt", at)));
		}

		awaitTrue(() -> subjects(ada.email()).stream().filter(subject::equals).count() == 2);
		awaitTrue(() -> kinds(ada).stream().filter("SIGNUP_ATTEMPTED"::equals).count() == 2);
		awaitTrue(() -> deliveriesOf(ada).stream().allMatch((delivery) -> "SENT".equals(delivery.getString("state"))));
		assertThat(subjects(ada.email())).filteredOn(subject::equals).as("one per hour of attempts").hasSize(2);
		assertThat(mailbox(ada.email())).filteredOn((mail) -> mail.subject().equals(subject))
			.allSatisfy((mail) -> assertThat(mail.text()).contains("Nothing changed"));
	}

	@Test
	void selfAssignmentTellsNobodyAndOnlyAnAssigneesCompletionTellsTheOwner() {
		Person owner = register("Otto");
		Person helper = register("Hana");
		String taskId = newTaskId();
		Map<String, Object> self = task(taskId, owner, "Fix the roof", "TODO", List.of(owner), null, null, 2, owner);
		self.put("addedAssigneeIds", List.of(owner.id()));
		Map<String, Object> both = task(taskId, owner, "Fix the roof", "TODO", List.of(owner, helper), null, null, 3,
				owner);
		both.put("addedAssigneeIds", List.of(helper.id()));
		Map<String, Object> doneByHelper = task(taskId, owner, "Fix the roof", "DONE", List.of(owner, helper), null,
				null, 4, helper);
		doneByHelper.put("completedAt", Instant.now().toString());
		send(taskEvent("TaskAssigned", self), taskEvent("TaskAssigned", both),
				taskEvent("TaskCompleted", doneByHelper));
		settled(taskId, owner, 5);

		assertThat(kinds(owner)).containsExactlyInAnyOrder("WELCOME", "TASK_COMPLETED");
		assertThat(kinds(helper)).containsExactlyInAnyOrder("WELCOME", "TASK_ASSIGNED");
		assertThat(items(owner)).filteredOn((item) -> "TASK_COMPLETED".equals(item.get("kind").asString()))
			.singleElement()
			.satisfies((item) -> assertThat(item.get("title").asString()).isEqualTo("Hana completed “Fix the roof”"));

		String other = newTaskId();
		Map<String, Object> doneByOwner = task(other, owner, "Sweep", "DONE", List.of(helper), null, null, 2, owner);
		doneByOwner.put("completedAt", Instant.now().toString());
		send(taskEvent("TaskCompleted", doneByOwner));
		settled(other, owner, 3);
		assertThat(kinds(owner)).containsExactlyInAnyOrder("WELCOME", "TASK_COMPLETED");
	}

	@Test
	void quietHoursHoldBackEmailButNotTheInAppNotification() {
		Person owner = register("Quinn");
		Person sleeper = register("Sam");
		String zone = "Asia/Tokyo";
		LocalTime now = LocalTime.now(ZoneId.of(zone));
		DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
		preferences(sleeper, zone, Map.of("TASK_ASSIGNED", BOTH),
				new String[] { hhmm.format(now.minusHours(1)), hhmm.format(now.plusHours(1)) });

		String taskId = newTaskId();
		Map<String, Object> data = task(taskId, owner, "Night shift", "TODO", List.of(sleeper), null, null, 2, owner);
		data.put("addedAssigneeIds", List.of(sleeper.id()));
		send(taskEvent("TaskAssigned", data));
		settled(taskId, owner, 3);

		assertThat(kinds(sleeper)).contains("TASK_ASSIGNED");
		Document held = deliveriesOf(sleeper).stream()
			.filter((delivery) -> delivery.getString("subject").contains("Night shift"))
			.findFirst()
			.orElseThrow();
		assertThat(held.getString("state")).isEqualTo("PENDING");
		assertThat(held.getDate("nextAttemptAt").toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(55)))
			.isBefore(Instant.now().plus(Duration.ofMinutes(62)));
		awaitTrue(() -> subjects(sleeper.email()).contains("Welcome to TaskFlow, Sam"));
		assertThat(subjects(sleeper.email())).noneMatch((subject) -> subject.contains("Night shift"));
	}

	@Test
	void aPermanentlyFailingAddressDoesNotHoldUpAnyoneElse() {
		Person owner = register("Paula");
		Person broken = registerWithUndeliverableAddress("Broken");
		Person fine = register("Fina");

		String taskId = newTaskId();
		Map<String, Object> data = task(taskId, owner, "Ship it", "TODO", List.of(broken, fine), null, null, 2, owner);
		data.put("addedAssigneeIds", List.of(broken.id(), fine.id()));
		send(taskEvent("TaskAssigned", data));

		awaitTrue(() -> subjects(fine.email()).contains("Paula assigned you “Ship it”"));
		awaitTrue(() -> deliveriesOf(broken).size() == 2 && deliveriesOf(broken).stream()
			.allMatch((delivery) -> "PERMANENTLY_FAILED".equals(delivery.getString("state"))));
		assertThat(deliveriesOf(broken)).allSatisfy((delivery) -> {
			assertThat(delivery.getInteger("attempts")).isEqualTo(3);
			assertThat(delivery.getString("lastError")).isNotBlank();
		});
		assertThat(kinds(broken)).contains("TASK_ASSIGNED");
	}

	@Test
	void deletingAnAccountRemovesItsDataAndNothingBringsItBack() {
		Person owner = register("Dora");
		Person leaver = register("Lea");
		String taskId = newTaskId();
		Map<String, Object> data = task(taskId, owner, "Handover", "TODO", List.of(leaver), null,
				Instant.now().plus(Duration.ofDays(3)), 2, owner);
		data.put("addedAssigneeIds", List.of(leaver.id()));
		send(taskEvent("TaskAssigned", data));
		awaitTrue(() -> kinds(leaver).contains("TASK_ASSIGNED") && !remindersOf(leaver).isEmpty());

		Instant deletedAt = Instant.now();
		send(event(USERS, "taskflow.user.UserDeleted.v1", leaver.id(),
				Map.of("userId", leaver.id(), "deletedAt", deletedAt.toString()), deletedAt));
		awaitTrue(() -> user(leaver.id()).get("deletedAt") != null);
		assertThat(notificationsOf(leaver)).isEmpty();
		assertThat(deliveriesOf(leaver)).isEmpty();
		assertThat(remindersOf(leaver)).isEmpty();
		assertThat(user(leaver.id())).doesNotContainKeys("email", "registeredName", "displayName");

		// a late profile event and a new assignment change nothing
		send(event(
				USERS, "taskflow.user.UserProfileUpdated.v1", leaver.id(), Map.of("userId", leaver.id(), "displayName",
						"Lea again", "avatarUrl", "https://example.com/avatar.png", "timeZone", "UTC", "locale", "en"),
				deletedAt.minusSeconds(60)));
		Map<String, Object> again = task(taskId, owner, "Handover", "TODO", List.of(leaver), null, null, 3, owner);
		again.put("addedAssigneeIds", List.of(leaver.id()));
		send(taskEvent("TaskAssigned", again));
		settled(taskId, owner, 4);
		awaitConsumed(USERS);
		assertThat(notificationsOf(leaver)).isEmpty();
		assertThat(user(leaver.id())).doesNotContainKeys("displayName", "email");
	}

	@Test
	void olderEventsArrivingLateDoNotOverwriteNewerOnes() {
		Person owner = register("Vera");
		Person assignee = register("Walt");
		Instant now = Instant.now();
		send(event(USERS, "taskflow.user.UserProfileUpdated.v1", owner.id(), Map.of("userId", owner.id(), "displayName",
				"Vera New", "avatarUrl", "https://example.com/avatar.png", "timeZone", "Europe/Berlin", "locale", "de"),
				now));
		send(event(USERS, "taskflow.user.UserProfileUpdated.v1", owner.id(), Map.of("userId", owner.id(), "displayName",
				"Vera Old", "avatarUrl", "https://example.com/avatar.png", "timeZone", "America/Lima", "locale", "es"),
				now.minusSeconds(30)));
		String taskId = newTaskId();
		Map<String, Object> newer = task(taskId, owner, "Newer title", "TODO", List.of(), null, null, 5, owner);
		Map<String, Object> older = task(taskId, owner, "Older title", "TODO", List.of(assignee), null, null, 4, owner);
		older.put("addedAssigneeIds", List.of(assignee.id()));
		newer.put("removedAssigneeIds", List.of(assignee.id()));
		send(taskEvent("TaskUpdated", newer), taskEvent("TaskAssigned", older));
		settled(taskId, owner, 6);
		awaitConsumed(USERS);

		assertThat(user(owner.id()).getString("displayName")).isEqualTo("Vera New");
		assertThat(user(owner.id()).getString("timeZone")).isEqualTo("Europe/Berlin");
		assertThat(kinds(assignee)).doesNotContain("TASK_ASSIGNED");
	}

	@Test
	void aDisabledPersonIsToldNothingNewOnAnyChannelAndLateDisablesChangeNothing() {
		Person owner = register("Dana");
		Person kept = register("Kim");
		Person disabled = register("Dirk");
		awaitTrue(() -> subjects(disabled.email()).contains("Welcome to TaskFlow, Dirk"));
		List<ServerSentEvent<String>> live = new CopyOnWriteArrayList<>();
		Disposable stream = stream(this.port, streamTicket(disabled), null).subscribe(live::add);
		try {
			awaitTrue(() -> live.stream().anyMatch((event) -> "connected".equals(event.comment())));
			Instant disabledAt = Instant.now();
			Event disable = event(AUTH_USERS, "taskflow.auth.UserDisabled.v1", disabled.id(),
					Map.of("userId", disabled.id(), "disabledAt", disabledAt.toString()), disabledAt);
			Event older = event(AUTH_USERS, "taskflow.auth.UserDisabled.v1", disabled.id(),
					Map.of("userId", disabled.id(), "disabledAt", disabledAt.minusSeconds(60).toString()),
					disabledAt.minusSeconds(60));
			send(disable, disable, older);
			awaitConsumed(AUTH_USERS);
			assertThat(user(disabled.id()).getDate("disabledAt").toInstant().toEpochMilli())
				.isEqualTo(disabledAt.toEpochMilli());

			String taskId = newTaskId();
			Map<String, Object> data = task(taskId, owner, "Audit", "TODO", List.of(kept, disabled), null, null, 2,
					owner);
			data.put("addedAssigneeIds", List.of(kept.id(), disabled.id()));
			send(taskEvent("TaskAssigned", data));
			settled(taskId, owner, 3);

			// the same event reached the other assignee on every channel
			awaitTrue(() -> subjects(kept.email()).contains("Dana assigned you “Audit”"));
			assertThat(kinds(kept)).contains("TASK_ASSIGNED");
			assertThat(notificationsOf(disabled)).extracting((n) -> n.getString("kind")).containsExactly("WELCOME");
			assertThat(deliveriesOf(disabled)).extracting((delivery) -> delivery.getString("subject"))
				.containsExactly("Welcome to TaskFlow, Dirk");
			assertThat(subjects(disabled.email())).containsExactly("Welcome to TaskFlow, Dirk");
			assertThat(liveNotifications(live)).isEmpty();
		}
		finally {
			stream.dispose();
		}
	}

	@Test
	void disablingAPersonCancelsTheirHeldBackEmailsAndTheirReminders() {
		Person owner = register("Rita");
		Person sleeper = register("Ravi");
		awaitTrue(() -> subjects(sleeper.email()).contains("Welcome to TaskFlow, Ravi"));
		String zone = "Asia/Tokyo";
		LocalTime now = LocalTime.now(ZoneId.of(zone));
		DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
		preferences(sleeper, zone, Map.of("TASK_ASSIGNED", BOTH, "DUE_SOON", BOTH),
				new String[] { hhmm.format(now.minusHours(1)), hhmm.format(now.plusHours(1)) });
		String taskId = newTaskId();
		Map<String, Object> data = task(taskId, owner, "Inventory", "TODO", List.of(sleeper), null,
				Instant.now().plus(Duration.ofDays(3)), 2, owner);
		data.put("addedAssigneeIds", List.of(sleeper.id()));
		send(taskEvent("TaskAssigned", data));
		awaitTrue(() -> deliveriesOf(sleeper).stream()
			.anyMatch((delivery) -> delivery.getString("subject").contains("Inventory")
					&& "PENDING".equals(delivery.getString("state")))
				&& find("reminders", Query.query(where("taskId").is(taskId))).size() == 2);

		Instant disabledAt = Instant.now();
		send(event(AUTH_USERS, "taskflow.auth.UserDisabled.v1", sleeper.id(),
				Map.of("userId", sleeper.id(), "disabledAt", disabledAt.toString()), disabledAt));
		awaitTrue(() -> deliveriesOf(sleeper).stream()
			.filter((delivery) -> delivery.getString("subject").contains("Inventory"))
			.allMatch((delivery) -> "CANCELLED".equals(delivery.getString("state"))));

		// an email recorded by a notice that read the person just before the disable, due
		// now: the sender checks the account and cancels it
		Date due = Date.from(Instant.now());
		this.mongo
			.insert(new Document("_id", "raced-" + sleeper.id()).append("userId", sleeper.id())
				.append("to", sleeper.email())
				.append("subject", "Raced")
				.append("text", "raced")
				.append("html", "<p>raced</p>")
				.append("state", "PENDING")
				.append("attempts", 0)
				.append("nextAttemptAt", due)
				.append("createdAt", due), "deliveries")
			.block(WAIT);
		// due within the lead time now: both reminders fire at once, and the one that
		// would tell nobody says so
		Map<String, Object> dueSooner = task(taskId, owner, "Inventory", "TODO", List.of(sleeper), null,
				Instant.now().plus(Duration.ofHours(2)), 3, owner);
		dueSooner.put("removedAssigneeIds", List.of());
		send(taskEvent("TaskUpdated", dueSooner));
		awaitTrue(() -> find("reminders", Query.query(where("taskId").is(taskId))).stream()
			.noneMatch((reminder) -> List.of("PENDING", "SENDING").contains(reminder.getString("state"))));
		assertThat(remindersOf(owner)).singleElement()
			.satisfies((reminder) -> assertThat(reminder.getString("state")).isEqualTo("SENT"));
		assertThat(kinds(owner)).contains("DUE_SOON");
		assertThat(remindersOf(sleeper)).singleElement().satisfies((reminder) -> {
			assertThat(reminder.getString("state")).isEqualTo("CANCELLED");
			assertThat(reminder.get("sentAt")).isNull();
		});
		awaitTrue(() -> "CANCELLED".equals(
				find("deliveries", Query.query(where("_id").is("raced-" + sleeper.id()))).get(0).getString("state")));

		assertThat(notificationsOf(sleeper)).extracting((n) -> n.getString("kind"))
			.containsExactlyInAnyOrder("WELCOME", "TASK_ASSIGNED");
		assertThat(deliveriesOf(sleeper)).filteredOn((delivery) -> !"SENT".equals(delivery.getString("state")))
			.extracting((delivery) -> delivery.getString("subject"))
			.containsExactlyInAnyOrder("Rita assigned you “Inventory”", "Raced");
		assertThat(deliveriesOf(sleeper)).filteredOn((delivery) -> !"SENT".equals(delivery.getString("state")))
			.allSatisfy((delivery) -> assertThat(delivery.getString("state")).isEqualTo("CANCELLED"));
		assertThat(subjects(sleeper.email())).containsExactly("Welcome to TaskFlow, Ravi");
	}

	// --- helpers

	/**
	 * Sends a TaskUpdated with {@code version} on the task's key and waits until it is
	 * applied: every earlier event of the task has been handled by then.
	 */
	private void settled(String taskId, Person owner, long version) {
		Map<String, Object> update = task(taskId, owner, "settled", "TODO", List.of(), null, null, version, owner);
		update.put("removedAssigneeIds", List.of());
		send(taskEvent("TaskUpdated", update));
		awaitTrue(() -> {
			List<Document> tasks = find("tasks", Query.query(where("_id").is(taskId)));
			return !tasks.isEmpty() && tasks.get(0).getLong("version") >= version;
		});
	}

	private List<JsonNode> items(Person person) {
		ResponseEntity<String> page = call(HttpMethod.GET, "/api/notifications?limit=100", person.token());
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		List<JsonNode> items = new java.util.ArrayList<>();
		body(page).get("items").forEach(items::add);
		return items;
	}

	private List<String> kinds(Person person) {
		return items(person).stream().map((item) -> item.get("kind").asString()).toList();
	}

	private List<Document> remindersOf(Person person) {
		return find("reminders", Query.query(where("userId").is(person.id())));
	}

	private static List<ServerSentEvent<String>> liveNotifications(List<ServerSentEvent<String>> events) {
		return events.stream().filter((event) -> "notification".equals(event.event())).toList();
	}

}
