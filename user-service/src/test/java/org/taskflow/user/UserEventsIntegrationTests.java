package org.taskflow.user;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What other services learn: CloudEvents on {@code taskflow.user.user-events.v1}, keyed
 * by user id, relayed from the profile's outbox.
 */
class UserEventsIntegrationTests extends UserIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void aProfileChangePublishesUserProfileUpdatedAsACloudEvent() throws IOException {
		Person person = register("Edsger Dijkstra");
		assertThat(patch("/api/users/me",
				Map.of("displayName", "E. W. Dijkstra", "avatarUrl", "https://example.com/ewd.png", "locale", "nl"),
				person.token())
			.status()).isEqualTo(200);

		ConsumerRecord<String, String> record = awaitRecord(USER_TOPIC,
				(r) -> event(person.id(), "taskflow.user.UserProfileUpdated.v1").test(r)
						&& r.value().contains("E. W. Dijkstra"));
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
		assertThat(event.get("source").asString()).isEqualTo("/user-service");
		assertThat(event.get("subject").asString()).isEqualTo(person.id());
		assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(Instant.parse(event.get("time").asString())).isBefore(Instant.now().plusSeconds(1));
		assertConformsToSchema(event);
		JsonNode data = event.get("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("userId", "displayName", "avatarUrl", "timeZone",
				"locale");
		assertThat(data.get("userId").asString()).isEqualTo(person.id());
		assertThat(data.get("avatarUrl").asString()).isEqualTo("https://example.com/ewd.png");
		assertThat(data.get("timeZone").asString()).isEqualTo("UTC");
		assertThat(data.get("locale").asString()).isEqualTo("nl");
		assertThat(record.value()).doesNotContain("_class").doesNotContain(person.email());

		await().atMost(WAIT).untilAsserted(() -> assertThat(outbox(person.id())).isEmpty());
	}

	@Test
	void aPreferenceChangePublishesUserPreferencesChangedWithTheWholePreferences() throws IOException {
		Person person = register("Barbara Liskov");
		assertThat(patch("/api/users/me",
				Map.of("timeZone", "America/New_York", "notifications", Map.of("DUE_SOON", Map.of("email", false)),
						"quietHours", Map.of("start", "21:30", "end", "06:45")),
				person.token())
			.status()).isEqualTo(200);

		JsonNode event = this.json.readTree(
				awaitRecord(USER_TOPIC, (r) -> event(person.id(), "taskflow.user.UserPreferencesChanged.v1").test(r)
						&& r.value().contains("America/New_York"))
					.value());
		assertConformsToSchema(event);
		JsonNode data = event.get("data");
		assertThat(data.get("userId").asString()).isEqualTo(person.id());
		assertThat(data.get("timeZone").asString()).isEqualTo("America/New_York");
		JsonNode preferences = data.get("preferences");
		assertThat(preferences.propertyNames()).containsExactlyInAnyOrder("TASK_ASSIGNED", "DUE_SOON", "TASK_COMPLETED",
				"WELCOME", "quietHours");
		assertThat(preferences.get("DUE_SOON").get("email").asBoolean()).isFalse();
		assertThat(preferences.get("DUE_SOON").get("inApp").asBoolean()).isTrue();
		assertThat(preferences.get("TASK_ASSIGNED").get("email").asBoolean()).isTrue();
		assertThat(preferences.get("quietHours").get("start").asString()).isEqualTo("21:30");
		assertThat(preferences.get("quietHours").get("end").asString()).isEqualTo("06:45");
		// the time zone is in both events: it is part of the profile and of the
		// preferences
		awaitRecord(USER_TOPIC, (r) -> event(person.id(), "taskflow.user.UserProfileUpdated.v1").test(r)
				&& r.value().contains("America/New_York"));
	}

	@Test
	void aChangeThatChangesNothingPublishesNothing() {
		Person person = register("Tony Hoare");
		awaitRecord(USER_TOPIC, event(person.id(), "taskflow.user.UserPreferencesChanged.v1"));
		assertThat(
				patch("/api/users/me", Map.of("displayName", "Tony Hoare", "timeZone", "UTC"), person.token()).status())
			.isEqualTo(200);
		assertThat(patch("/api/users/me", Map.of("bio", "Quicksort."), person.token()).status()).isEqualTo(200);
		// only the two events of the profile's creation: the name and zone did not
		// change, and the bio is in no event
		assertThat(records(USER_TOPIC, (r) -> person.id().equals(r.key()), Duration.ofSeconds(4))).hasSize(2);
	}

	@Test
	void deletingTheAccountErasesPersonalDataAtOnceAndPublishesUserDeleted() throws IOException {
		Person person = register("Alan Turing");
		assertThat(patch("/api/users/me", Map.of("bio", "Computable numbers", "avatarUrl", "https://example.com/a.png"),
				person.token())
			.status()).isEqualTo(200);

		Response deleted = delete("/api/users/me", person.token());
		assertThat(deleted.status()).as(deleted.raw()).isEqualTo(204);

		Document tombstone = this.mongo.findById(person.id(), Document.class, "profiles").block(WAIT);
		assertThat(tombstone).isNotNull();
		assertThat(tombstone.keySet()).doesNotContain("email", "displayName", "bio", "avatarUrl", "searchKeys",
				"nameKey", "timeZone", "notifications");
		assertThat(tombstone.toJson()).doesNotContain(person.email(), "Alan", "Computable");
		assertThat(tombstone.getBoolean("deleted")).isTrue();

		ConsumerRecord<String, String> record = awaitRecord(USER_TOPIC,
				event(person.id(), "taskflow.user.UserDeleted.v1"));
		JsonNode event = this.json.readTree(record.value());
		assertConformsToSchema(event);
		assertThat(event.get("subject").asString()).isEqualTo(person.id());
		assertThat(event.get("data").get("userId").asString()).isEqualTo(person.id());
		assertThat(Instant.parse(event.get("data").get("deletedAt").asString())).isNotNull();
		await().atMost(WAIT).untilAsserted(() -> assertThat(outbox(person.id())).isEmpty());

		Response me = get("/api/users/me", person.token());
		assertThat(me.status()).isEqualTo(404);
		assertThat(me.problemType()).isEqualTo("urn:taskflow:problem:profile-deleted");
		assertThat(patch("/api/users/me", Map.of("bio", "back"), person.token()).status()).isEqualTo(404);
		assertThat(get("/internal/users?ids=" + person.id(), TestIssuer.service("task-service", "users.read")).json())
			.isEmpty();
		assertThat(delete("/api/users/me", person.token()).status()).isEqualTo(204);

		// a replayed registration cannot bring the profile back
		send(AUTH_TOPIC, person.id(),
				userRegistered(UUID.randomUUID().toString(), person.id(), person.email(), person.displayName()));
		// another registration on the same key (so the same partition) is consumed after
		// it
		String marker = "user-" + UUID.randomUUID();
		send(AUTH_TOPIC, person.id(),
				userRegistered(UUID.randomUUID().toString(), marker, marker + "@example.com", "Marker"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/api/users/me", TestIssuer.user(marker)).status()).isEqualTo(200));
		assertThat(records(USER_TOPIC, event(person.id(), "taskflow.user.UserDeleted.v1"), Duration.ofSeconds(3)))
			.hasSize(1);
		assertThat(get("/api/users/me", person.token()).status()).isEqualTo(404);
		assertThat(this.mongo.findById(person.id(), Document.class, "profiles").block(WAIT).toJson())
			.doesNotContain(person.email());
	}

	/**
	 * The envelope has every field the published schema requires, and the data exactly
	 * the fields the schema requires for its type.
	 */
	private void assertConformsToSchema(JsonNode event) throws IOException {
		JsonNode schema;
		try (InputStream in = new ClassPathResource("events/user-events.v1.schema.json").getInputStream()) {
			schema = this.json.readTree(in);
		}
		schema.get("required")
			.forEach((field) -> assertThat(event.has(field.asString())).as(field.asString()).isTrue());
		String type = event.get("type").asString();
		assertThat(schema.get("properties").get("type").get("enum").valueStream().map(JsonNode::asString))
			.contains(type);
		JsonNode variant = schema.get("oneOf")
			.valueStream()
			.filter((each) -> each.get("properties").get("type").get("const").asString().equals(type))
			.findFirst()
			.orElseThrow();
		List<String> required = variant.get("properties")
			.get("data")
			.get("required")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
		assertThat(event.get("data").propertyNames()).containsExactlyInAnyOrderElementsOf(required);
		assertThat(event.get("source").asString())
			.isEqualTo(schema.get("properties").get("source").get("const").asString());
	}

	private List<Document> outbox(String userId) {
		Document profile = this.mongo.findById(userId, Document.class, "profiles").block(WAIT);
		assertThat(profile).isNotNull();
		List<Document> outbox = profile.getList("outbox", Document.class);
		return (outbox != null) ? outbox : List.of();
	}

}
