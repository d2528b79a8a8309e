package org.taskflow.task;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.taskflow.testsupport.IntegrationTest;
import org.taskflow.testsupport.TestHttp;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * task-service on a random port against real MongoDB and Kafka, the test issuer standing
 * in for auth-service and a stub for user-service; with HTTP and Kafka helpers.
 */
@IntegrationTest
@ContextConfiguration(initializers = { TestIssuer.Initializer.class, UserServiceStub.Initializer.class })
@TestPropertySource(properties = { "taskflow.outbox.interval=100ms", "taskflow.user-lookup.open-for=1s",
		"taskflow.user-lookup.timeout=1s", "taskflow.tasks.purge-interval=1s" })
abstract class TaskIntegrationTests {

	static final String TOPIC = "taskflow.task.task-events.v1";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void awaitReady() {
		await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness", null).status() == 200);
	}

	/** A person with a token, known to the user-service stub as active. */
	static User newUser() {
		String id = "user-" + UUID.randomUUID();
		UserServiceStub.register(id, true);
		return new User(id, TestIssuer.user(id));
	}

	JsonNode createTask(User owner, Map<String, ?> fields) {
		Response response = post("/api/tasks", fields, owner.token());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body();
	}

	JsonNode createTask(User owner, String title) {
		return createTask(owner, Map.of("title", title));
	}

	Response post(String path, Object body, String token, String... headers) {
		return send("POST", path, body, token, headers);
	}

	Response put(String path, Object body, String token, String... headers) {
		return send("PUT", path, body, token, headers);
	}

	Response patch(String path, Object body, String token, String... headers) {
		String[] withType = new String[headers.length + 2];
		withType[0] = "Content-Type";
		withType[1] = "application/merge-patch+json";
		System.arraycopy(headers, 0, withType, 2, headers.length);
		return send("PATCH", path, body, token, withType);
	}

	Response get(String path, String token, String... headers) {
		return send("GET", path, null, token, headers);
	}

	Response delete(String path, String token, String... headers) {
		return send("DELETE", path, null, token, headers);
	}

	Response send(String method, String path, Object body, String token, String... headers) {
		// bytes as they are (e.g. invalid UTF-8), text as UTF-8, anything else as JSON
		byte[] content = (body == null) ? null
				: (body instanceof byte[] raw) ? raw
						: ((body instanceof String text) ? text : this.json.writeValueAsString(body))
							.getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			// an answer that never comes fails the test here, not at JUnit's timeout
			.timeout(Duration.ofSeconds(30))
			.method(method, (content != null) ? HttpRequest.BodyPublishers.ofByteArray(content)
					: HttpRequest.BodyPublishers.noBody());
		if (content != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = TestHttp.send(this.http, request.build());
		JsonNode json = response.body().isBlank() ? null : this.json.readTree(response.body());
		return new Response(response.statusCode(), response.headers(), json, response.body());
	}

	/**
	 * Reads the task topic from the beginning until {@code done} holds for what matched
	 * {@code wanted}, or fails after {@code timeout}.
	 */
	List<JsonNode> awaitEvents(Predicate<JsonNode> wanted, Predicate<List<JsonNode>> done, Duration timeout) {
		Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			List<JsonNode> matched = new ArrayList<>();
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
					JsonNode event = this.json.readTree(record.value());
					assertThat(record.key()).isEqualTo(event.get("subject").asString());
					if (wanted.test(event)) {
						matched.add(event);
					}
				}
				if (done.test(matched)) {
					return matched;
				}
			}
			throw new AssertionError("events did not arrive in " + timeout + "; matched " + matched.size());
		}
	}

	/**
	 * Every event on the task topic so far (up to its end offsets now) that
	 * {@code wanted} accepts.
	 */
	List<JsonNode> readTopic(Predicate<JsonNode> wanted) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))
				.stream()
				.map((partition) -> new TopicPartition(TOPIC, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			List<JsonNode> matched = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				assertThat(System.nanoTime()).as("reading the task topic to its end").isLessThan(deadline);
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
					JsonNode event = this.json.readTree(record.value());
					if (wanted.test(event)) {
						matched.add(event);
					}
				}
			}
			return matched;
		}
	}

	/** The events of one task, once {@code count} have arrived. */
	List<JsonNode> eventsOf(String taskId, int count) {
		return awaitEvents((event) -> taskId.equals(event.get("subject").asString()),
				(events) -> events.size() >= count, Duration.ofSeconds(30));
	}

	record User(String id, String token) {
	}

	record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

		String problemType() {
			assertThat(this.headers.firstValue("content-type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			return this.body.get("type").asString();
		}

		String etag() {
			return this.headers.firstValue("etag").orElseThrow();
		}

	}

}
