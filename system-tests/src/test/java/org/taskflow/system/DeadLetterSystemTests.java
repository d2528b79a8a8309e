package org.taskflow.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.taskflow.infra.LocalStack.Service;
import org.taskflow.system.Gateway.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record, as an operator meets it: it lands in the dead letters of each consumer
 * group that fails on it, and only there; the groups go on with the records behind it;
 * and a replay of one group's dead letters reaches that group only, which handles the
 * record once more. Prints how long a poison record takes to become a dead letter and a
 * replay to be handled.
 */
@ExtendWith(RunningSuite.Extension.class)
class DeadLetterSystemTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** Long enough for a further copy, if one were coming, to show. */
	private static final Duration SETTLE = Duration.ofSeconds(4);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningSuite suite;

	private static Topics topics;

	@BeforeAll
	static void suite(RunningSuite running) {
		suite = running;
		topics = running.topics();
	}

	@Test
	void anUnreadableRecordBecomesADeadLetterOfEachGroupThatReadsItAndTheGroupsGoOn() {
		String key = "poison-" + UUID.randomUUID();
		long sent = System.nanoTime();
		topics.inject(Topics.USERS, key, "{not json");

		for (String group : List.of("auth-service", "task-service", "notification-service")) {
			String deadLetters = Topics.USERS + "." + group + ".dlt";
			ConsumerRecord<String, String> dead = awaitCopies(deadLetters, key, 1).getFirst();
			System.out.printf("poison record to %s: %d ms%n", deadLetters, elapsedMillis(sent));
			assertThat(header(dead, "kafka_dlt-original-consumer-group")).isEqualTo(group);
			assertThat(dead.value()).isEqualTo("{not json");
		}
		// the records behind it: a person's profile change reaches every group of the
		// topic
		Gateway gateway = suite.gateway();
		Person fay = gateway.signUp("Fay");
		await().atMost(WAIT).until(() -> gateway.get("/api/users/me", fay).status() == 200);
		assertThat(gateway.patch("/api/users/me", fay, Map.of("displayName", "Fay F.")).status()).isEqualTo(200);
		await().atMost(WAIT)
			.until(() -> topics.records(Topics.USERS)
				.stream()
				.anyMatch((record) -> record.key().equals(fay.id()) && record.value().contains("Fay F.")));
		topics.awaitConsumed(WAIT);

		sleep(SETTLE);
		for (String group : List.of("auth-service", "task-service", "notification-service")) {
			assertThat(topics.read(Topics.USERS + "." + group + ".dlt", key)).as(group).hasSize(1);
		}
		assertThat(topics.read(Topics.USERS + ".user-service.dlt", key)).as("user-service does not read it").isEmpty();
	}

	/**
	 * A registration without an email address: user-service cannot make a profile of it,
	 * notification-service needs no address for its welcome. Replaying the same bytes
	 * cannot repair them, so user-service fails again, once, and the record is its dead
	 * letter a second time; notification-service never sees it again.
	 */
	@Test
	void aReplayReachesOnlyTheGroupThatFailedWhichHandlesTheRecordOnce() throws Exception {
		String userId = "poison-user-" + UUID.randomUUID();
		long sent = System.nanoTime();
		topics.inject(Topics.AUTH_USERS, userId, """
				{"specversion":"1.0","id":"%s","type":"taskflow.auth.UserRegistered.v1","source":"/auth-service",
				 "subject":"%s","time":"2030-01-01T00:00:00Z","data":{"userId":"%s","displayName":"No Address"}}"""
			.formatted(UUID.randomUUID(), userId, userId));
		String deadLetters = Topics.AUTH_USERS + ".user-service.dlt";
		awaitCopies(deadLetters, userId, 1);
		System.out.printf("record user-service fails on to %s (after its retries): %d ms%n", deadLetters,
				elapsedMillis(sent));
		topics.awaitConsumed(WAIT);
		assertThat(topics.read(Topics.AUTH_USERS + ".notification-service.dlt", userId)).isEmpty();

		Person operator = suite.gateway().signUp("Operator", RunningSuite.ADMINISTRATOR);
		long replayed = System.nanoTime();
		HttpResponse<String> replay = replay(Service.USER, operator, Topics.AUTH_USERS, "user-service");
		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
		assertThat(JSON.readTree(replay.body()).get("replayed").asInt()).isEqualTo(1);

		ConsumerRecord<String, String> again = awaitCopies(deadLetters, userId, 2).get(1);
		System.out.printf("replayed record handled by user-service again: %d ms%n", elapsedMillis(replayed));
		assertThat(header(again, "kafka_dlt-original-topic")).isEqualTo(Topics.AUTH_USERS + ".user-service.replay");
		topics.awaitConsumed(WAIT);
		sleep(SETTLE);
		assertThat(topics.read(deadLetters, userId)).as("handled once more, by user-service").hasSize(2);
		assertThat(topics.read(Topics.AUTH_USERS + ".user-service.replay", userId)).hasSize(1);
		assertThat(topics.read(Topics.AUTH_USERS, userId)).as("the topic every group reads has it once").hasSize(1);
		assertThat(topics.read(Topics.AUTH_USERS + ".notification-service.dlt", userId)).isEmpty();
		assertThat(topics.read(Topics.AUTH_USERS + ".notification-service.replay", userId)).isEmpty();
	}

	private static HttpResponse<String> replay(Service service, Person caller, String topic, String group)
			throws Exception {
		URI uri = suite.stack().serviceUrl(service).resolve("/actuator/deadletters");
		String body = JSON.writeValueAsString(Map.of("topic", topic, "group", group, "max", 100));
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(uri)
				.header("Authorization", "Bearer " + caller.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private static List<ConsumerRecord<String, String>> awaitCopies(String topic, String key, int count) {
		return await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> topics.read(topic, key), (found) -> found.size() >= count);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static long elapsedMillis(long since) {
		return Duration.ofNanos(System.nanoTime() - since).toMillis();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
