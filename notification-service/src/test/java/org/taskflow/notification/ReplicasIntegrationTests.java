package org.taskflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A second replica on the same MongoDB, Redis and SMTP server, without Kafka listeners
 * (all events are consumed by the first): live messages (notifications and task changes)
 * reach a stream held by either replica, a disabled person's streams end on both, and
 * both replicas' pollers compete for the same reminders without firing one twice.
 */
class ReplicasIntegrationTests extends NotificationIntegrationTests {

	private static ConfigurableApplicationContext replica;

	@BeforeAll
	static void startReplica() {
		Map<String, Object> properties = new HashMap<>(TestInfrastructure.shared().springProperties());
		properties.put("server.port", 0);
		properties.put("spring.kafka.listener.auto-startup", false);
		properties.put("taskflow.security.issuer", TestIssuer.ISSUER);
		properties.put("taskflow.services.auth", TestIssuer.baseUrl());
		properties.put("taskflow.security.jwk-set-uri", TestIssuer.baseUrl() + "/oauth2/jwks");
		properties.put("taskflow.notifications.reminders.poll-interval", "100ms");
		properties.put("taskflow.notifications.email.poll-interval", "100ms");
		replica = new SpringApplicationBuilder(NotificationServiceApplication.class).run(properties.entrySet()
			.stream()
			.map((p) -> "--" + p.getKey() + "=" + p.getValue())
			.toArray(String[]::new));
	}

	@AfterAll
	static void stopReplica() {
		replica.close();
	}

	@Test
	void aStreamOnOneReplicaGetsTheNotificationAndTaskChangeAnotherMade() {
		Person owner = register("Abe");
		Person me = register("Bea");
		int replicaPort = Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
		List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
		// the ticket comes from this replica, the stream is held by the other (tickets
		// live in Redis)
		Disposable stream = stream(replicaPort, streamTicket(me), null).subscribe(events::add);
		try {
			awaitTrue(() -> events.stream().anyMatch((event) -> "connected".equals(event.comment())));
			String taskId = newTaskId();
			Map<String, Object> data = task(taskId, owner, "Across replicas", "TODO", List.of(me), null, null, 2,
					owner);
			Map<String, Object> updated = new HashMap<>(data);
			data.put("addedAssigneeIds", List.of(me.id()));
			updated.put("removedAssigneeIds", List.of());
			send(taskEvent("TaskAssigned", data), taskEvent("TaskUpdated", updated));
			awaitTrue(() -> events.stream().anyMatch((event) -> "notification".equals(event.event()))
					&& events.stream().anyMatch((event) -> "task-changed".equals(event.event())));
			assertThat(events).filteredOn((event) -> "notification".equals(event.event()))
				.singleElement()
				.satisfies((event) -> assertThat(event.data()).contains("Across replicas"));
			assertThat(events).filteredOn((event) -> "task-changed".equals(event.event()))
				.singleElement()
				.satisfies((event) -> assertThat(event.data()).contains(taskId).contains("\"version\":2"));
		}
		finally {
			stream.dispose();
		}
	}

	@Test
	void disablingAPersonEndsTheirStreamsOnEveryReplicaAndRefusesNewOnes() {
		Person me = register("Dov");
		int replicaPort = Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
		List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
		List<String> ends = new CopyOnWriteArrayList<>();
		Disposable here = stream(this.port, streamTicket(me), null).subscribe(events::add,
				(ex) -> ends.add("here failed: " + ex), () -> ends.add("here"));
		Disposable there = stream(replicaPort, streamTicket(me), null).subscribe(events::add,
				(ex) -> ends.add("there failed: " + ex), () -> ends.add("there"));
		try {
			awaitTrue(() -> events.stream().filter((event) -> "connected".equals(event.comment())).count() == 2);
			// consumed by this replica only: the other one hears of it over Redis
			Instant disabledAt = Instant.now();
			send(event(AUTH_USERS, "taskflow.auth.UserDisabled.v1", me.id(),
					Map.of("userId", me.id(), "disabledAt", disabledAt.toString()), disabledAt));
			awaitTrue(() -> ends.size() == 2);
			assertThat(ends).containsExactlyInAnyOrder("here", "there");

			// the token still works for a ticket, but the stream is refused
			ResponseEntity<String> refused = openStream("/api/notifications/stream?ticket=" + streamTicket(me));
			assertThat(refused.getStatusCode().value()).isEqualTo(403);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(body(refused).get("type").asString()).isEqualTo("urn:taskflow:problem:account-disabled");
		}
		finally {
			here.dispose();
			there.dispose();
		}
	}

	@Test
	void competingReplicasFireEachReminderOnce() {
		Person owner = register("Cai");
		List<String> taskIds = new ArrayList<>();
		Instant due = Instant.now().plus(Duration.ofHours(24)).plusSeconds(3);
		for (int i = 0; i < 10; i++) {
			String taskId = newTaskId();
			taskIds.add(taskId);
			send(taskEvent("TaskCreated", task(taskId, owner, "Chore " + i, "TODO", List.of(), null, due, 1, owner)));
		}
		awaitTrue(() -> reminders(taskIds).size() == 10
				&& reminders(taskIds).stream().allMatch((reminder) -> "SENT".equals(reminder.getString("state"))));
		assertThat(reminders(taskIds))
			.allSatisfy((reminder) -> assertThat(reminder.getInteger("attempts")).isEqualTo(1));
		assertThat(notificationsOf(owner)).filteredOn((n) -> "DUE_SOON".equals(n.getString("kind"))).hasSize(10);
		awaitTrue(() -> subjects(owner.email()).stream()
			.filter((subject) -> subject.contains("is due soon"))
			.count() == 10);
	}

	private List<Document> reminders(List<String> taskIds) {
		return find("reminders", Query.query(where("taskId").in(taskIds)));
	}

}
