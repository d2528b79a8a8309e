package org.taskflow.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterIntegrationTests extends NotificationIntegrationTests {

	@Test
	void aPoisonRecordGoesToTheDeadLetterTopicWithItsErrorAndTheConsumerKeepsGoing() {
		String poisonKey = "poison-" + UUID.randomUUID();
		send(TASKS, poisonKey, "{not json");
		Person owner = register("Zoe");
		Person assignee = register("Zack");
		String taskId = newTaskId();
		Map<String, Object> data = task(taskId, owner, "After the poison", "TODO", List.of(assignee), null, null, 2,
				owner);
		data.put("addedAssigneeIds", List.of(assignee.id()));
		send(taskEvent("TaskAssigned", data));

		ConsumerRecord<String, String> dead = awaitRecord(TASKS + "-dlt", (r) -> poisonKey.equals(r.key()), 1).get(0);
		assertThat(dead.value()).isEqualTo("{not json");
		assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
		assertThat(dead.headers().lastHeader("kafka_dlt-original-topic").value()).asString().isEqualTo(TASKS);
		awaitTrue(
				() -> notificationsOf(assignee).stream().anyMatch((n) -> "TASK_ASSIGNED".equals(n.getString("kind"))));
	}

	@Test
	void anAdministratorReplaysTheDeadLetterTopic() {
		String key = "replayed-" + UUID.randomUUID();
		// readable, but without data: handling fails every time, so it is retried, then
		// dead-lettered
		send(USERS, key, """
				{"specversion":"1.0","id":"%s","type":"taskflow.user.UserDeleted.v1","source":"/test","subject":"%s"}"""
			.formatted(UUID.randomUUID(), key));
		awaitRecord(USERS + "-dlt", (r) -> key.equals(r.key()), 1);

		String admin = TestIssuer.user("admin-" + UUID.randomUUID(), "ADMIN");
		assertThat(replay(USERS, TestIssuer.newUser()).getStatusCode().value()).isEqualTo(403);
		ResponseEntity<String> unknown = replay("someone.elses.topic", admin);
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(body(unknown).get("type").asString()).isEqualTo("urn:taskflow:problem:unknown-topic");

		ResponseEntity<String> replayed = replay(USERS, admin);
		assertThat(replayed.getStatusCode().value()).isEqualTo(200);
		assertThat(body(replayed).get("replayed").asInt()).isGreaterThanOrEqualTo(1);
		// back on the topic (where it fails again: the cause was not fixed)
		awaitRecord(USERS, (r) -> key.equals(r.key()), 2);
	}

	private ResponseEntity<String> replay(String topic, String token) {
		return call(HttpMethod.POST, "/api/notifications/admin/dead-letters/replay?topic=" + topic + "&max=500", token);
	}

	private static List<ConsumerRecord<String, String>> awaitRecord(String topic,
			Predicate<ConsumerRecord<String, String>> wanted, int count) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (seen.size() < count && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (wanted.test(record)) {
						seen.add(record);
					}
				});
			}
			assertThat(seen).as("records on " + topic).hasSizeGreaterThanOrEqualTo(count);
			return seen;
		}
	}

}
