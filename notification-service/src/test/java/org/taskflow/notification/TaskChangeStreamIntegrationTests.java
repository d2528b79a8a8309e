package org.taskflow.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes of a task reach the live streams of the people who can see it, and of those who
 * just stopped seeing it, as a {@code task-changed} hint: one per change, whatever
 * specific events the change also emitted, and nothing for anyone else.
 */
class TaskChangeStreamIntegrationTests extends NotificationIntegrationTests {

	@Test
	void aTaskChangeReachesTheStreamsOfItsOwnerAndAssigneesOnceAndNobodyElses() {
		Person owner = register("Olga");
		Person assignee = register("Asa");
		Person removed = register("Rune");
		Person outsider = register("Otto");
		Streams streams = new Streams(owner, assignee, removed, outsider);
		try {
			String taskId = newTaskId();
			// the assignee completes it while the owner takes Rune off it: one change,
			// announced by TaskCompleted and TaskUpdated
			Map<String, Object> completed = task(taskId, owner, "Paint the fence", "DONE", List.of(assignee), null,
					null, 3, assignee);
			completed.put("completedAt", "2030-01-01T10:00:00Z");
			Map<String, Object> updated = task(taskId, owner, "Paint the fence", "DONE", List.of(assignee), null, null,
					3, assignee);
			updated.put("removedAssigneeIds", List.of(removed.id()));
			send(taskEvent("TaskCompleted", completed), taskEvent("TaskUpdated", updated));

			awaitTrue(() -> streams.changes(owner).size() == 1 && streams.changes(assignee).size() == 1
					&& streams.changes(removed).size() == 1);
			// the owner moves it to the trash: its assignee stops seeing it too
			Map<String, Object> deleted = task(taskId, owner, "Paint the fence", "DONE", List.of(assignee), null, null,
					4, owner);
			deleted.put("permanently", false);
			send(taskEvent("TaskDeleted", deleted));
			awaitTrue(() -> streams.changes(owner).size() == 2 && streams.changes(assignee).size() == 2);
			awaitConsumed(TASKS);

			for (Person person : List.of(owner, assignee)) {
				assertThat(streams.changes(person)).as(person.name())
					.extracting((event) -> this.json.readTree(event.data()))
					.extracting((change) -> change.get("taskId").asString() + "@" + change.get("version").asLong())
					.containsExactly(taskId + "@3", taskId + "@4");
			}
			assertThat(streams.changes(removed)).singleElement().satisfies((event) -> {
				JsonNode change = this.json.readTree(event.data());
				assertThat(change.propertyNames()).containsExactlyInAnyOrder("taskId", "version");
				assertThat(change.get("version").asLong()).isEqualTo(3);
				// a hint is not a notification: a reconnect resumes after the last
				// notification, whatever hints came since
				assertThat(event.id()).isNull();
			});
			assertThat(streams.changes(outsider)).isEmpty();
		}
		finally {
			streams.close();
		}
	}

	@Test
	void aStaleTaskEventReachesNoStream() {
		Person owner = register("Stan");
		Streams streams = new Streams(owner);
		try {
			String taskId = newTaskId();
			Map<String, Object> newer = task(taskId, owner, "Newer", "TODO", List.of(), null, null, 5, owner);
			newer.put("removedAssigneeIds", List.of());
			send(taskEvent("TaskUpdated", newer));
			awaitTrue(() -> streams.changes(owner).size() == 1);
			Map<String, Object> older = task(taskId, owner, "Older", "TODO", List.of(), null, null, 4, owner);
			older.put("removedAssigneeIds", List.of());
			send(taskEvent("TaskUpdated", older));
			awaitConsumed(TASKS);

			assertThat(streams.changes(owner)).singleElement()
				.satisfies(
						(event) -> assertThat(this.json.readTree(event.data()).get("version").asLong()).isEqualTo(5));
		}
		finally {
			streams.close();
		}
	}

	/** An open stream per person, each connected before anything is sent. */
	private final class Streams implements AutoCloseable {

		private final Map<Person, List<ServerSentEvent<String>>> events;

		private final List<Disposable> open = new CopyOnWriteArrayList<>();

		Streams(Person... people) {
			this.events = Arrays.stream(people)
				.collect(Collectors.toMap((person) -> person, (person) -> new CopyOnWriteArrayList<>()));
			this.events.forEach((person, received) -> this.open
				.add(stream(TaskChangeStreamIntegrationTests.this.port, streamTicket(person), null)
					.subscribe(received::add)));
			awaitTrue(() -> this.events.values()
				.stream()
				.allMatch((received) -> received.stream().anyMatch((event) -> "connected".equals(event.comment()))));
		}

		List<ServerSentEvent<String>> changes(Person person) {
			return this.events.get(person).stream().filter((event) -> "task-changed".equals(event.event())).toList();
		}

		@Override
		public void close() {
			this.open.forEach(Disposable::dispose);
		}

	}

}
