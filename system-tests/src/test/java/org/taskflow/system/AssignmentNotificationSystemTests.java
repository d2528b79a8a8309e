package org.taskflow.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.taskflow.system.Gateway.Person;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Being given a task, as the assignee lives it: one notification in the app and one email
 * per assignment, whichever way the assignment was made. The services' own tests write
 * events by hand; here task-service's real events reach notification-service.
 */
class AssignmentNotificationSystemTests extends SharedSuiteTests {

	/** Long enough for a second notification or email, if one were coming, to show. */
	private static final Duration SETTLE = Duration.ofSeconds(4);

	@Test
	void aTaskCreatedWithAnAssigneeTellsThemOnceInTheAppAndOnceByEmail() {
		Person ada = gateway.signUp("Ada");
		Person bob = gateway.known(gateway.signUp("Bob"));

		JsonNode task = created(gateway.post("/api/tasks", ada,
				Map.of("title", "Review the budget", "assigneeIds", List.of(bob.id()))));

		assertToldOnce(bob, task.get("id").asString(), "Ada assigned you “Review the budget”");
	}

	@Test
	void assigningAnExistingTaskTellsTheNewAssigneeOnceInTheAppAndOnceByEmail() {
		Person ada = gateway.signUp("Ada");
		Person cy = gateway.known(gateway.signUp("Cy"));
		String id = created(gateway.post("/api/tasks", ada, Map.of("title", "Book the venue"))).get("id").asString();

		Gateway.Response assigned = gateway.patch("/api/tasks/" + id, ada, Map.of("assigneeIds", List.of(cy.id())));
		assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);

		assertToldOnce(cy, id, "Ada assigned you “Book the venue”");
	}

	private static void assertToldOnce(Person assignee, String taskId, String subject) {
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(assignments(assignee, taskId)).isNotEmpty();
			assertThat(suite.mailbox(assignee.email()).subjects()).contains(subject);
		});
		suite.topics().awaitConsumed(WAIT);
		await().during(SETTLE).atMost(SETTLE.plus(WAIT)).untilAsserted(() -> {
			assertThat(assignments(assignee, taskId)).hasSize(1);
			assertThat(suite.mailbox(assignee.email()).subjects()).filteredOn(subject::equals).hasSize(1);
		});
	}

	private static List<JsonNode> assignments(Person person, String taskId) {
		return gateway.notifications(person)
			.stream()
			.filter((n) -> n.get("kind").asString().equals("TASK_ASSIGNED")
					&& n.get("taskId").asString().equals(taskId))
			.toList();
	}

	private static JsonNode created(Gateway.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

}
