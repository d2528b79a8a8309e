package org.taskflow.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.taskflow.system.Gateway.Person;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Working on a task together: a change one person makes reaches the open app of another
 * who can see the task, over the live stream through the gateway, in time for their list
 * to follow it without a reload; someone the task is not shared with hears nothing.
 */
class LiveTaskChangesSystemTests extends SharedSuiteTests {

	/** The web app's promise: the other person's list follows within a second or two. */
	private static final Duration LIVE = Duration.ofSeconds(2);

	/** Long enough for a hint that was coming to show. */
	private static final Duration SETTLE = Duration.ofSeconds(3);

	@Test
	void aChangeReachesTheAssigneesStreamWithinTwoSecondsAndAnOutsidersNever() {
		Person ada = gateway.signUp("Ada");
		Person bob = gateway.signUp("Bob");
		Person cy = gateway.signUp("Cy");
		// task-service checks assignees with user-service
		await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.get("/api/users/me", bob).status()).isEqualTo(200));

		try (LiveStream bobs = gateway.openStream(bob); LiveStream cys = gateway.openStream(cy)) {
			await().atMost(WAIT).until(() -> bobs.connected() && cys.connected());

			Gateway.Response created = gateway.post("/api/tasks", ada,
					Map.of("title", "Draft the agenda", "assigneeIds", List.of(bob.id())));
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			String id = created.json().get("id").asString();
			// the first one warms up the whole path; it is not timed
			await().atMost(WAIT).until(() -> hint(bobs, id, 0) != null);

			// timed from the moment Ada sends her change until Bob's stream has the hint
			Instant sentAt = Instant.now();
			Gateway.Response renamed = gateway.patch("/api/tasks/" + id, ada,
					Map.of("title", "Draft the agenda for Monday", "priority", "HIGH"));
			assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
			await().atMost(WAIT).until(() -> hint(bobs, id, 1) != null);
			Duration latency = Duration.between(sentAt, hint(bobs, id, 1).receivedAt());
			System.out.printf("live task change: sent by Ada, on Bob's stream %d ms later%n", latency.toMillis());
			assertThat(latency).isLessThanOrEqualTo(LIVE);
			// the hint names the task and its version, no more: Bob reads it himself
			assertThat(hint(bobs, id, 1).json().propertyNames()).containsExactlyInAnyOrder("taskId", "version");
			JsonNode seen = gateway.get("/api/tasks/" + id, bob).json();
			assertThat(seen.get("title").asString()).isEqualTo("Draft the agenda for Monday");
			assertThat(seen.get("version").asLong()).isEqualTo(1);

			// taken off the task, Bob hears of it too, and his list no longer has it
			Gateway.Response unassigned = gateway.patch("/api/tasks/" + id, ada, Map.of("assigneeIds", List.of()));
			assertThat(unassigned.status()).as(unassigned.text()).isEqualTo(200);
			await().atMost(WAIT).until(() -> hint(bobs, id, 2) != null);
			assertThat(gateway.get("/api/tasks", bob)
				.json()
				.get("items")
				.valueStream()
				.map((task) -> task.get("id").asString())).doesNotContain(id);
			assertThat(gateway.get("/api/tasks/" + id, bob).status()).isEqualTo(404);

			suite.topics().awaitConsumed(WAIT);
			await().during(SETTLE).atMost(SETTLE.plus(WAIT)).until(() -> cys.taskChanges().isEmpty());
			assertThat(bobs.taskChanges()).as("one hint per change")
				.extracting((event) -> event.json().get("version").asLong())
				.containsExactly(0L, 1L, 2L);
		}
	}

	private static LiveStream.Event hint(LiveStream stream, String taskId, long version) {
		return stream.taskChanges()
			.stream()
			.filter((event) -> event.json().get("taskId").asString().equals(taskId)
					&& event.json().get("version").asLong() == version)
			.findFirst()
			.orElse(null);
	}

}
