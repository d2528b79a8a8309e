package org.taskflow.system;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.taskflow.infra.LocalStack.Service;
import org.taskflow.system.Gateway.Person;
import org.taskflow.system.Topics.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suite as the chart runs it: two replicas each of task-, user- and
 * notification-service, on one MongoDB, Kafka and Redis. The gateway calls the first
 * replica of each; every replica relays outboxes, consumes and fires reminders, so what
 * runs twice shows here. A suite of its own, since the shared one runs one replica each.
 */
class ReplicasSystemTests {

	private static final int REPLICAS = 2;

	private static final Duration WAIT = Duration.ofSeconds(90);

	/** Long enough for a late duplicate, if one were coming, to show. */
	private static final Duration SETTLE = Duration.ofSeconds(4);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningSuite suite;

	private static Gateway gateway;

	@BeforeAll
	static void start() {
		suite = RunningSuite.start("replicas",
				(builder) -> builder.replicas(Service.TASK, REPLICAS)
					.replicas(Service.USER, REPLICAS)
					.replicas(Service.NOTIFICATION, REPLICAS));
		gateway = suite.gateway();
	}

	@AfterAll
	static void stop() {
		if (suite != null) {
			suite.close();
		}
	}

	/**
	 * Every relay of a service scans the same outboxes; without claims, two replicas
	 * publish the same event whenever their rounds overlap. At least once still allows a
	 * repeat after a crash, but none is routine: here nothing crashes, so none may show.
	 */
	@Test
	void theRelaysOfTwoReplicasPublishEveryEventOnce() throws Exception {
		int people = 8;
		int tasks = 120;
		List<Person> team = parallel(people, (i) -> {
			Person person = gateway.known(gateway.signUp("Member" + i));
			for (String name : List.of("Member " + i, "M. " + i)) {
				Gateway.Response renamed = gateway.patch("/api/users/me", person, Map.of("displayName", name));
				assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
			}
			return person;
		});
		Person owner = team.getFirst();
		List<String> ids = parallel(tasks, (i) -> {
			Person first = team.get(1 + i % (people - 1));
			Person second = team.get(1 + (i + 1) % (people - 1));
			String id = created(gateway.post("/api/tasks", owner,
					Map.of("title", "Replicated task " + i, "assigneeIds", List.of(first.id()))))
				.get("id")
				.asString();
			Gateway.Response assigned = gateway.patch("/api/tasks/" + id, owner,
					Map.of("assigneeIds", List.of(first.id(), second.id())));
			assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
			return id;
		});
		Set<String> taskIds = Set.copyOf(ids);
		Set<String> personIds = team.stream().map(Person::id).collect(Collectors.toSet());

		// every task's TaskCreated and TaskAssigned, every person's two renames
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(subjectsWith(Topics.TASKS, taskIds, "taskflow.task.TaskCreated.v1")).isEqualTo(taskIds);
			assertThat(subjectsWith(Topics.TASKS, taskIds, "taskflow.task.TaskAssigned.v1")).isEqualTo(taskIds);
			assertThat(publications(Topics.USERS, personIds)).hasSizeGreaterThanOrEqualTo(2 * people);
		});
		suite.topics().awaitConsumed(WAIT);
		Thread.sleep(SETTLE.toMillis());

		Map<String, Long> taskEvents = publications(Topics.TASKS, taskIds);
		Map<String, Long> userEvents = publications(Topics.USERS, personIds);
		long taskDuplicates = duplicates(taskEvents);
		long userDuplicates = duplicates(userEvents);
		System.out.printf("""
				Outbox relays with %d replicas each:
				  task-service: %d events, %d records, %d duplicate publishes
				  user-service: %d events, %d records, %d duplicate publishes%n""", REPLICAS, taskEvents.size(),
				records(taskEvents), taskDuplicates, userEvents.size(), records(userEvents), userDuplicates);
		assertThat(taskDuplicates).as("task events published more than once").isZero();
		assertThat(userDuplicates).as("user events published more than once").isZero();
	}

	/**
	 * A person's stream may be held by either replica, and the notification made by
	 * whichever replica consumed the event: each stream gets it once. A reminder claimed
	 * by one replica fires once, in the app, on each stream and by email.
	 */
	@Test
	void aPersonsStreamsOnBothReplicasGetTheirNotificationsAndAReminderFiresOnce() throws Exception {
		Person ada = gateway.known(gateway.signUp("Ada"));
		Person bob = gateway.known(gateway.signUp("Bob"));
		List<LiveStream> streams = IntStream.range(0, REPLICAS)
			.mapToObj((replica) -> LiveStream.open(suite.stack().serviceUrl(Service.NOTIFICATION, replica), bob))
			.toList();
		try {
			// due in two hours: within the reminder's lead time, so it fires at once
			Instant due = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
			String id = created(gateway.post("/api/tasks", ada,
					Map.of("title", "Call the caterer", "dueAt", due.toString(), "assigneeIds", List.of(bob.id()))))
				.get("id")
				.asString();

			await().atMost(WAIT).untilAsserted(() -> {
				for (LiveStream stream : streams) {
					assertThat(kinds(stream.notifications(), id)).contains("TASK_ASSIGNED", "DUE_SOON");
				}
				assertThat(suite.mailbox(bob.email()).subjects())
					.anyMatch((subject) -> subject.contains("is due soon"));
			});
			suite.topics().awaitConsumed(WAIT);
			Thread.sleep(SETTLE.toMillis());

			for (int replica = 0; replica < REPLICAS; replica++) {
				assertThat(kinds(streams.get(replica).notifications(), id)).as("the stream on replica %d", replica + 1)
					.containsExactlyInAnyOrder("TASK_ASSIGNED", "DUE_SOON");
			}
			Gateway.Response inbox = gateway.get("/api/notifications", bob);
			assertThat(kinds(inbox.json().get("items").valueStream().toList(), id))
				.containsExactlyInAnyOrder("TASK_ASSIGNED", "DUE_SOON");
			assertThat(suite.mailbox(bob.email()).subjects()).filteredOn((subject) -> subject.contains("is due soon"))
				.hasSize(1);
		}
		finally {
			streams.forEach(LiveStream::close);
		}
	}

	private static List<String> kinds(List<JsonNode> notifications, String taskId) {
		return notifications.stream()
			.filter((n) -> n.hasNonNull("taskId") && n.get("taskId").asString().equals(taskId))
			.map((n) -> n.get("kind").asString())
			.toList();
	}

	/** The events on the topic about these subjects, one per record. */
	private static List<Event> events(String topic, Set<String> subjects) {
		return suite.topics()
			.records(topic)
			.stream()
			.filter((record) -> subjects.contains(record.key()))
			.map(Record::value)
			.map(JSON::readTree)
			.map((event) -> new Event(event.get("id").asString(), event.get("type").asString(),
					event.get("subject").asString()))
			.toList();
	}

	private static Set<String> subjectsWith(String topic, Set<String> subjects, String type) {
		return events(topic, subjects).stream()
			.filter((event) -> event.type().equals(type))
			.map(Event::subject)
			.collect(Collectors.toSet());
	}

	/** How often each event about these subjects is on the topic, by event id. */
	private static Map<String, Long> publications(String topic, Set<String> subjects) {
		return events(topic, subjects).stream().collect(Collectors.groupingBy(Event::id, Collectors.counting()));
	}

	private static long records(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private static long duplicates(Map<String, Long> counts) {
		return records(counts) - counts.size();
	}

	/** Runs the work {@code count} times, four at a time, as many clients would. */
	private static <T> List<T> parallel(int count, IntFunction<T> work) throws Exception {
		try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
			List<Future<T>> results = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				results.add(clients.submit(() -> work.apply(index)));
			}
			List<T> done = new ArrayList<>();
			for (Future<T> result : results) {
				done.add(result.get());
			}
			return done;
		}
	}

	private record Event(String id, String type, String subject) {
	}

	private static JsonNode created(Gateway.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

}
