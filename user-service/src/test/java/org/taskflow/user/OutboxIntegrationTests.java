package org.taskflow.user;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.util.FileSystemUtils;
import org.taskflow.infra.KafkaBroker;
import org.taskflow.infra.Loopback;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The never-lost guarantee: a change made while Kafka is down is stored with its event,
 * survives the service being stopped, and is published by the next instance once Kafka is
 * back. The shared broker cannot be stopped under the other tests, so this test runs its
 * own broker and its own instances of the service, on a database of their own (so the
 * main test instance's relay never sees these outboxes).
 */
class OutboxIntegrationTests extends UserIntegrationTests {

	@Test
	void aChangeMadeWhileKafkaIsDownIsPublishedAfterKafkaAndTheServiceComeBack() throws Exception {
		Path dir = Files.createTempDirectory("user-outbox-kafka");
		String database = "taskflow-user-outbox-" + UUID.randomUUID();
		String userId = "user-" + UUID.randomUUID();
		try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), Loopback.freePort(),
				dir.resolve("kafka.log"))) {
			TestInfrastructure.declareTopicsOn(broker.bootstrapServers(), AUTH_TOPIC);
			try (ConfigurableApplicationContext first = start(broker, database, true)) {
				ReactiveMongoTemplate mongo = first.getBean(ReactiveMongoTemplate.class);
				send(broker.bootstrapServers(), AUTH_TOPIC, userId,
						userRegistered(UUID.randomUUID().toString(), userId, userId + "@example.com", "Kafka Down"));
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(outbox(mongo, userId)).isNotNull().isEmpty());

				broker.stop();
				Response changed = send(HttpRequest.newBuilder(URI.create(base(first) + "/api/users/me"))
					.method("PATCH",
							HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Written While Kafka Was Down\"}"))
					.header("Content-Type", "application/json"), TestIssuer.user(userId));
				assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
				// the relay cannot send: the event waits in the profile, and the service
				// stops
				Thread.sleep(2000);
				assertThat(outbox(mongo, userId)).singleElement()
					.satisfies((event) -> assertThat(event.getString("type"))
						.isEqualTo("taskflow.user.UserProfileUpdated.v1"));
			}

			broker.start();
			// only the relay matters now; without a consumer no group join delays the
			// close
			try (ConfigurableApplicationContext second = start(broker, database, false)) {
				ReactiveMongoTemplate mongo = second.getBean(ReactiveMongoTemplate.class);
				ConsumerRecord<String, String> record = awaitRecord(broker.bootstrapServers(), USER_TOPIC,
						(r) -> userId.equals(r.key()) && r.value().contains("Written While Kafka Was Down"));
				JsonNode event = this.json.readTree(record.value());
				assertThat(event.get("type").asString()).isEqualTo("taskflow.user.UserProfileUpdated.v1");
				assertThat(event.get("subject").asString()).isEqualTo(userId);
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outbox(mongo, userId)).isEmpty());
				mongo.getMongoDatabase().flatMap((db) -> Mono.from(db.drop())).block(Duration.ofSeconds(10));
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static ConfigurableApplicationContext start(KafkaBroker broker, String database, boolean consume) {
		Map<String, Object> properties = new HashMap<>(TestInfrastructure.shared().springProperties());
		properties.put("server.port", 0);
		properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
		properties.put("spring.mongodb.database", database);
		properties.put("taskflow.security.issuer", TestIssuer.ISSUER);
		properties.put("taskflow.services.auth", TestIssuer.baseUrl());
		properties.put("taskflow.outbox.interval", "100ms");
		properties.put("spring.kafka.listener.auto-startup", consume);
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(UserServiceApplication.class).run(arguments);
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private static List<Document> outbox(ReactiveMongoTemplate mongo, String userId) {
		Document profile = mongo.findById(userId, Document.class, "profiles").block(Duration.ofSeconds(10));
		if (profile == null) {
			return null;
		}
		List<Document> outbox = profile.getList("outbox", Document.class);
		return (outbox != null) ? outbox : List.of();
	}

}
