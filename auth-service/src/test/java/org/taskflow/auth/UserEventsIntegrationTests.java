package org.taskflow.auth;

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
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.UserEventsTopic;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UserEventsIntegrationTests extends AuthIntegrationTests {

	static {
		UserEventsTopic.declare();
	}

	@Autowired
	MongoTemplate mongo;

	@Test
	void publishesUserRegisteredAsACloudEventAndEmptiesTheOutbox() {
		String email = uniqueEmail();
		String userId = signup(email);

		ConsumerRecord<String, String> record = awaitRecord("taskflow.auth.user-events.v1",
				(r) -> userId.equals(r.key()));
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("type").asString()).isEqualTo("taskflow.auth.UserRegistered.v1");
		assertThat(event.get("source").asString()).isEqualTo("/auth-service");
		assertThat(event.get("subject").asString()).isEqualTo(userId);
		assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
		assertThat(event.get("data").get("email").asString()).isEqualTo(email);
		assertThat(event.get("data").get("userId").asString()).isEqualTo(userId);
		assertThat(record.value()).doesNotContainIgnoringCase("password").doesNotContain("_class");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.mongo.findById(userId, Document.class, "accounts").getList("outbox", Document.class))
				.isEmpty());
	}

	@Test
	void publishesPasswordChangedAndDisabledWithoutSecrets() {
		String admin = admin().access();
		String email = uniqueEmail();
		String userId = signup(email);
		String newPassword = "a much longer new passphrase";
		assertThat(post("/api/auth/password", Map.of("currentPassword", PASSWORD, "newPassword", newPassword),
				bearer(login(email).access()))
			.status()).isEqualTo(204);
		assertThat(post("/api/auth/admin/users/" + userId + "/disable", "", bearer(admin)).status()).isEqualTo(204);

		ConsumerRecord<String, String> changed = awaitRecord("taskflow.auth.user-events.v1",
				(r) -> userId.equals(r.key()) && r.value().contains("taskflow.auth.UserPasswordChanged.v1"));
		assertThat(this.json.readTree(changed.value()).get("data").get("userId").asString()).isEqualTo(userId);
		assertThat(changed.value()).doesNotContain(newPassword, PASSWORD).doesNotContainIgnoringCase("hash");
		ConsumerRecord<String, String> disabled = awaitRecord("taskflow.auth.user-events.v1",
				(r) -> userId.equals(r.key()) && r.value().contains("taskflow.auth.UserDisabled.v1"));
		assertThat(this.json.readTree(disabled.value()).get("data").has("disabledAt")).isTrue();
	}

	@Test
	void aSignupWithATakenAddressPublishesSignupAttemptedForItsOwner() {
		String email = uniqueEmail();
		String userId = signup(email);
		String attempt = "someone else's passphrase";
		assertThat(post("/api/auth/signup", Map.of("email", email, "password", attempt, "displayName", "Mallory"))
			.status()).isEqualTo(202);

		ConsumerRecord<String, String> record = awaitRecord("taskflow.auth.user-events.v1",
				(r) -> userId.equals(r.key()) && r.value().contains("taskflow.auth.SignupAttempted.v1"));
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("subject").asString()).isEqualTo(userId);
		assertThat(event.get("data").get("userId").asString()).isEqualTo(userId);
		assertThat(event.get("data").has("attemptedAt")).isTrue();
		assertThat(record.value()).doesNotContain(attempt, "Mallory").doesNotContainIgnoringCase("hash");
	}

	@Test
	void userDeletedRemovesTheCredentialsAndSessionsAndAPoisonRecordGoesToTheDeadLetterTopic() {
		String email = uniqueEmail();
		String userId = signup(email);
		Tokens tokens = login(email);

		UserEventsTopic.publish("poison", "{not json");
		String deleted = UserEventsTopic.userDeleted(userId);
		UserEventsTopic.publish(userId, deleted);
		UserEventsTopic.publish(userId, deleted);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mongo.findById(userId, Document.class, "accounts")).isNull());
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", tokens.refresh())).status()).isEqualTo(401);
		assertThat(post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(401);
		// and the access token of that session is refused (not merely answered 404)
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(get("/api/auth/me", bearer(tokens.access())).status()).isEqualTo(401));

		ConsumerRecord<String, String> dead = awaitRecord(UserEventsTopic.NAME + ".auth-service.dlt",
				(r) -> "poison".equals(r.key()));
		assertThat(dead.value()).isEqualTo("{not json");
		assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
	}

	private static ConsumerRecord<String, String> awaitRecord(String topic,
			Predicate<ConsumerRecord<String, String>> wanted) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (wanted.test(record)) {
						return record;
					}
					seen.add(record);
				}
			}
			throw new AssertionError("no matching record on " + topic + " among " + seen.size());
		}
	}

}
