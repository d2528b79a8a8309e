package org.taskflow.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.taskflow.testsupport.EventSchema;
import org.taskflow.testsupport.IntegrationTest;
import org.taskflow.testsupport.TestHttp;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * user-service on a random port against real MongoDB and Kafka, trusting the test issuer;
 * with HTTP helpers and helpers that play auth-service's part on Kafka.
 */
@IntegrationTest
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@TestPropertySource(properties = "taskflow.outbox.interval=100ms")
abstract class UserIntegrationTests {

	static final String AUTH_TOPIC = "taskflow.auth.user-events.v1";

	static final String USER_TOPIC = "taskflow.user.user-events.v1";

	static {
		// published here in place of auth-service
		TestInfrastructure.shared().declareTopics(AUTH_TOPIC);
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	/** A registered person: auth-service's event sent, the profile created from it. */
	record Person(String id, String email, String displayName, String token) {
	}

	Person register(String displayName) {
		String id = "user-" + UUID.randomUUID();
		String email = id + "@example.com";
		send(AUTH_TOPIC, id, userRegistered(UUID.randomUUID().toString(), id, email, displayName));
		String token = TestIssuer.user(id);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/api/users/me", token).status()).isEqualTo(200));
		return new Person(id, email, displayName, token);
	}

	/** auth-service's contract: every fixture below is checked against it. */
	private static final EventSchema AUTH_EVENTS = EventSchema.of("auth-service", "user-events.v1.schema.json");

	static String userRegistered(String eventId, String userId, String email, String displayName) {
		return AUTH_EVENTS.requireValid("""
				{"specversion":"1.0","id":"%s","type":"taskflow.auth.UserRegistered.v1","source":"/auth-service",
				 "subject":"%s","time":"%s","datacontenttype":"application/json",
				 "data":{"userId":"%s","email":"%s","displayName":"%s","registeredAt":"%s"}}""".formatted(eventId,
				userId, Instant.now(), userId, email, displayName, Instant.now()));
	}

	static String userDisabled(String userId) {
		return AUTH_EVENTS.requireValid("""
				{"specversion":"1.0","id":"%s","type":"taskflow.auth.UserDisabled.v1","source":"/auth-service",
				 "subject":"%s","time":"%s","data":{"userId":"%s","disabledAt":"%s"}}""".formatted(UUID.randomUUID(),
				userId, Instant.now(), userId, Instant.now()));
	}

	Response get(String path, @Nullable String token) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), token);
	}

	Response patch(String path, Object body, @Nullable String token) {
		String content = (body instanceof String raw) ? raw : this.json.writeValueAsString(body);
		return send(HttpRequest.newBuilder(uri(path))
			.method("PATCH", HttpRequest.BodyPublishers.ofString(content))
			.header("Content-Type", "application/json"), token);
	}

	Response delete(String path, @Nullable String token) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	Response send(HttpRequest.Builder request, @Nullable String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		// an answer that never comes fails the test here, not at JUnit's timeout
		request.timeout(Duration.ofSeconds(30));
		HttpResponse<String> response = TestHttp.send(this.http, request.build());
		JsonNode body = response.body().isBlank() ? null : this.json.readTree(response.body());
		return new Response(response.statusCode(), response.headers(), body, response.body());
	}

	record Response(int status, HttpHeaders headers, @Nullable JsonNode body, String raw) {

		JsonNode json() {
			assertThat(this.body).as(this.raw).isNotNull();
			return this.body;
		}

		String problemType() {
			return json().get("type").asString();
		}

	}

	static void send(String topic, String key, String value) {
		send(TestInfrastructure.shared().kafkaBootstrapServers(), topic, key, value);
	}

	static void send(String bootstrapServers, String topic, String key, String value) {
		try (var producer = new KafkaProducer<>(
				Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
		return awaitRecord(TestInfrastructure.shared().kafkaBootstrapServers(), topic, wanted);
	}

	static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> wanted) {
		List<ConsumerRecord<String, String>> found = records(bootstrapServers, topic, wanted, Duration.ofSeconds(30),
				true);
		assertThat(found).as("a matching record on " + topic).isNotEmpty();
		return found.getFirst();
	}

	/**
	 * Every matching record on the topic, read from the beginning for {@code period}.
	 */
	static List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> wanted,
			Duration period) {
		return records(TestInfrastructure.shared().kafkaBootstrapServers(), topic, wanted, period, false);
	}

	private static List<ConsumerRecord<String, String>> records(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> wanted, Duration period, boolean firstOnly) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + period.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (wanted.test(record)) {
						found.add(record);
						if (firstOnly) {
							return found;
						}
					}
				}
			}
		}
		return found;
	}

	static Predicate<ConsumerRecord<String, String>> event(String userId, String type) {
		return (record) -> userId.equals(record.key()) && record.value().contains("\"type\":\"" + type + "\"");
	}

}
