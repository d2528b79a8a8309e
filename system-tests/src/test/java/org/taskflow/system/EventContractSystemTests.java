package org.taskflow.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.taskflow.system.Gateway.Person;
import org.taskflow.system.Topics.Record;
import org.taskflow.testsupport.EventSchema;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The records really on the topics keep their producers' contracts: every record of the
 * user and task topics, whatever any test made the services do, validates against the
 * JSON Schema its producer keeps beside its code.
 */
@ExtendWith(RunningSuite.Extension.class)
class EventContractSystemTests {

	private static final Map<String, EventSchema> CONTRACTS = Map.of(Topics.AUTH_USERS,
			EventSchema.of("auth-service", "user-events.v1.schema.json"), Topics.USERS,
			EventSchema.of("user-service", "user-events.v1.schema.json"), Topics.TASKS,
			EventSchema.of("task-service", "task-events.v1.schema.json"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyRecordOnTheUserAndTaskTopicsKeepsItsProducersSchema(RunningSuite suite) {
		Gateway gateway = suite.gateway();
		Person dee = gateway.signUp("Dee");
		Person eve = gateway.signUp("Eve");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(gateway.get("/api/users/me", eve).status()).isEqualTo(200));
		assertThat(gateway.patch("/api/users/me", dee, Map.of("displayName", "Dee D.", "timeZone", "Europe/Paris"))
			.status()).isEqualTo(200);
		String id = gateway
			.post("/api/tasks", dee,
					Map.of("title", "Plan the offsite", "dueDate", "2031-03-01", "assigneeIds", List.of(eve.id())))
			.json()
			.get("id")
			.asString();
		assertThat(gateway.patch("/api/tasks/" + id, eve, Map.of("status", "DONE")).status()).isEqualTo(200);
		assertThat(gateway.delete("/api/tasks/" + id, dee).status()).isEqualTo(204);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(types(suite.topics().records())).contains("taskflow.auth.UserRegistered.v1",
					"taskflow.user.UserProfileUpdated.v1", "taskflow.task.TaskCreated.v1",
					"taskflow.task.TaskCompleted.v1", "taskflow.task.TaskDeleted.v1"));
		for (Record record : suite.topics().records()) {
			EventSchema contract = CONTRACTS.get(record.topic());
			assertThat(contract).as("a contract for %s", record.topic()).isNotNull();
			assertThat(contract.violations(record.value())).as("%s on %s", record.value(), record.topic()).isEmpty();
			assertThat(record.key()).isEqualTo(JSON.readTree(record.value()).get("subject").asString());
		}
	}

	private static List<String> types(List<Record> records) {
		return records.stream().map((record) -> JSON.readTree(record.value()).get("type").asString()).toList();
	}

}
