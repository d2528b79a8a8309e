package org.taskflow.user;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Profiles come from auth-service's events, once, and never undo what people did. */
class ProfileLifecycleIntegrationTests extends UserIntegrationTests {

	@Test
	void registrationCreatesOneProfileWithDefaultsEvenWhenDeliveredTwice() {
		String userId = "user-" + UUID.randomUUID();
		String email = userId + "@example.com";
		String eventId = UUID.randomUUID().toString();
		String event = userRegistered(eventId, userId, email, "Ada Lovelace");
		send(AUTH_TOPIC, userId, event);
		send(AUTH_TOPIC, userId, event);
		// the same registration replayed under a new event id (e.g. from the dead-letter
		// topic)
		send(AUTH_TOPIC, userId, userRegistered(UUID.randomUUID().toString(), userId, email, "Someone Else"));

		String token = TestIssuer.user(userId);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/api/users/me", token).status()).isEqualTo(200));
		JsonNode me = get("/api/users/me", token).json();
		assertThat(me.get("id").asString()).isEqualTo(userId);
		assertThat(me.get("email").asString()).isEqualTo(email);
		assertThat(me.get("displayName").asString()).isEqualTo("Ada Lovelace");
		assertThat(me.get("timeZone").asString()).isEqualTo("UTC");
		assertThat(me.get("locale").isNull()).isTrue();
		assertThat(me.get("avatarUrl").isNull()).isTrue();
		assertThat(me.get("quietHours").isNull()).isTrue();
		JsonNode notifications = me.get("notifications");
		assertThat(notifications.propertyNames()).containsExactlyInAnyOrder("TASK_ASSIGNED", "DUE_SOON",
				"TASK_COMPLETED", "WELCOME");
		notifications.forEach((channels) -> assertThat(channels.get("inApp").asBoolean()).isTrue());
		assertThat(notifications.get("TASK_ASSIGNED").get("email").asBoolean()).isTrue();
		assertThat(notifications.get("DUE_SOON").get("email").asBoolean()).isTrue();
		assertThat(notifications.get("TASK_COMPLETED").get("email").asBoolean()).isFalse();

		// one profile, so one set of initial-state events: the redeliveries created
		// nothing
		List<ConsumerRecord<String, String>> events = records(USER_TOPIC, (r) -> userId.equals(r.key()),
				Duration.ofSeconds(6));
		assertThat(events).extracting((r) -> this.json.readTree(r.value()).get("type").asString())
			.containsExactlyInAnyOrder("taskflow.user.UserProfileUpdated.v1",
					"taskflow.user.UserPreferencesChanged.v1");
	}

	@Test
	void aRegistrationDeliveredAgainAfterAnEditDoesNotOverwriteIt() {
		Person person = register("Grace Hopper");
		assertThat(patch("/api/users/me", Map.of("displayName", "Admiral Hopper", "bio", "COBOL"), person.token())
			.status()).isEqualTo(200);

		send(AUTH_TOPIC, person.id(),
				userRegistered(UUID.randomUUID().toString(), person.id(), person.email(), person.displayName()));
		// same key, so processed after the redelivery: once it shows, the redelivery is
		// done
		send(AUTH_TOPIC, person.id(), userDisabled(person.id()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					get("/internal/users?ids=" + person.id(), TestIssuer.service("task-service", "users.read")).json()
						.get(0)
						.get("active")
						.asBoolean())
				.isFalse());

		JsonNode me = get("/api/users/me", person.token()).json();
		assertThat(me.get("displayName").asString()).isEqualTo("Admiral Hopper");
		assertThat(me.get("bio").asString()).isEqualTo("COBOL");
	}

	@Test
	void beforeTheRegistrationArrivesTheProfileIsNotReady() {
		String token = TestIssuer.newUser();
		Response me = get("/api/users/me", token);
		assertThat(me.status()).isEqualTo(404);
		assertThat(me.problemType()).isEqualTo("urn:taskflow:problem:profile-not-ready");
		assertThat(me.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(patch("/api/users/me", Map.of("bio", "early"), token).status()).isEqualTo(404);
	}

	@Test
	void anUnreadableRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
		String key = "poison-" + UUID.randomUUID();
		send(AUTH_TOPIC, key, "{not json");
		Person after = register("After Poison");
		assertThat(get("/api/users/me", after.token()).status()).isEqualTo(200);
		ConsumerRecord<String, String> dead = awaitRecord(AUTH_TOPIC + ".user-service.dlt", (r) -> key.equals(r.key()));
		assertThat(dead.value()).isEqualTo("{not json");
		assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
	}

}
