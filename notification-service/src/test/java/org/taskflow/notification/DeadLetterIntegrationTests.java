package org.taskflow.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.taskflow.testsupport.DeadLetterReplayContract;
import org.taskflow.testsupport.KafkaRecords;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterIntegrationTests extends NotificationIntegrationTests implements DeadLetterReplayContract {

	private static final String GROUP = "notification-service";

	@Test
	void aPoisonRecordGoesToTheGroupsDeadLetterTopicWithItsErrorAndTheConsumerKeepsGoing() {
		String poisonKey = "poison-" + UUID.randomUUID();
		send(TASKS, poisonKey, "{not json");
		Person owner = register("Zoe");
		Person assignee = register("Zack");
		String taskId = newTaskId();
		Map<String, Object> data = task(taskId, owner, "After the poison", "TODO", List.of(assignee), null, null, 2,
				owner);
		data.put("addedAssigneeIds", List.of(assignee.id()));
		send(taskEvent("TaskAssigned", data));

		ConsumerRecord<String, String> dead = awaitRecords(TASKS + ".notification-service.dlt", poisonKey, 1).get(0);
		assertThat(dead.value()).isEqualTo("{not json");
		assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
		assertThat(dead.headers().lastHeader("kafka_dlt-original-topic").value()).asString().isEqualTo(TASKS);
		assertThat(dead.headers().lastHeader("kafka_dlt-original-consumer-group").value()).asString().isEqualTo(GROUP);
		awaitTrue(
				() -> notificationsOf(assignee).stream().anyMatch((n) -> "TASK_ASSIGNED".equals(n.getString("kind"))));
	}

	/**
	 * The replay goes to this group's replay topic, never back to the topic every group
	 * reads; the cause is not fixed here, so the group fails again and the record is a
	 * dead letter again.
	 */
	@Test
	void anAdministratorReplaysTheGroupsDeadLettersToThatGroupOnly() {
		String key = "replayed-" + UUID.randomUUID();
		// readable, but without data: handling fails every time, so it is retried, then
		// dead-lettered
		send(USERS, key, """
				{"specversion":"1.0","id":"%s","type":"taskflow.user.UserDeleted.v1","source":"/test","subject":"%s"}"""
			.formatted(UUID.randomUUID(), key));
		awaitRecords(USERS + ".notification-service.dlt", key, 1);

		ResponseEntity<String> replayed = replay(USERS, TestIssuer.user("admin-" + UUID.randomUUID(), "ADMIN"));
		assertThat(replayed.getStatusCode().value()).as(replayed.getBody()).isEqualTo(200);
		assertThat(body(replayed).get("replayed").asInt()).isGreaterThanOrEqualTo(1);

		assertThat(awaitRecords(USERS + ".notification-service.replay", key, 1)).hasSize(1);
		ConsumerRecord<String, String> again = awaitRecords(USERS + ".notification-service.dlt", key, 2).get(1);
		assertThat(again.headers().lastHeader("kafka_dlt-original-topic").value()).asString()
			.isEqualTo(USERS + ".notification-service.replay");
		assertThat(awaitRecords(USERS, key, 1)).as("the topic every group reads has it once").hasSize(1);
	}

	private ResponseEntity<String> replay(String topic, String token) {
		return http().post()
			.uri("/actuator/deadletters")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("topic", topic, "group", GROUP, "max", 500))
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(WAIT);
	}

	/**
	 * Waits until the topic holds at least {@code count} records with the key, then
	 * returns all it holds.
	 */
	private static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
		List<ConsumerRecord<String, String>> seen = new ArrayList<>();
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (seen.size() < count && System.nanoTime() < deadline) {
			seen = KafkaRecords.withKey(TestInfrastructure.shared().kafkaBootstrapServers(), topic, key);
		}
		assertThat(seen).as("records of " + key + " on " + topic).hasSizeGreaterThanOrEqualTo(count);
		return seen;
	}

	@Override
	public List<String> consumedTopics() {
		return List.of(AUTH_USERS, USERS, TASKS);
	}

}
