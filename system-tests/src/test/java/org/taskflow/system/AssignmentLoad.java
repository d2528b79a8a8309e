package org.taskflow.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.taskflow.system.Gateway.Person;
import org.taskflow.system.Gateway.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients creating and assigning tasks through the gateway at once, as a team does, for
 * fault scenarios to run against. Each client is one owner; every other task names its
 * assignee when it is created ({@code TaskCreated} carries the assignment), the others
 * are assigned by a change right after ({@code TaskAssigned}), so both events that carry
 * an assignment are in the mix. It keeps what the suite acknowledged, and checks
 * afterwards that each acknowledged assignment reached its assignee once in the app and
 * once by email.
 */
final class AssignmentLoad {

	/** Long enough for a second notification or email, if one were coming, to show. */
	private static final Duration SETTLE = Duration.ofSeconds(4);

	/** Well within the suite's access-token lifetime (45 s). */
	private static final Duration RENEW_AFTER = Duration.ofSeconds(20);

	/** How long a client waits after a refusal before its next task. */
	private static final Duration BACK_OFF = Duration.ofMillis(500);

	private final RunningSuite suite;

	private final List<Person> owners;

	private final List<Person> assignees;

	private final AtomicInteger next = new AtomicInteger();

	private volatile int limit;

	private final Map<String, Person> tasks = new ConcurrentHashMap<>();

	private final List<Assignment> assignments = new CopyOnWriteArrayList<>();

	private final List<String> refused = new CopyOnWriteArrayList<>();

	private final AtomicLong slowestMillis = new AtomicLong();

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final ExecutorService clients;

	private List<Future<?>> running = List.of();

	private AssignmentLoad(RunningSuite suite, List<Person> owners, List<Person> assignees) {
		this.suite = suite;
		this.owners = owners;
		this.assignees = assignees;
		this.clients = Executors.newFixedThreadPool(owners.size());
	}

	/**
	 * A load of {@code clients} owners assigning tasks to {@code assignees} new people,
	 * every one of them known to the services before it starts.
	 */
	static AssignmentLoad of(RunningSuite suite, int clients, int assignees) {
		Gateway gateway = suite.gateway();
		return new AssignmentLoad(suite, people(gateway, "Owner", clients), people(gateway, "Assignee", assignees));
	}

	private static List<Person> people(Gateway gateway, String name, int count) {
		List<Person> people = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			people.add(gateway.signUp(name + i));
		}
		return people.stream().map(gateway::known).toList();
	}

	/**
	 * Creates and assigns {@code count} tasks, the clients at once, and returns when
	 * done.
	 */
	void run(int count) {
		start(count);
		finish();
	}

	/**
	 * Starts the clients on {@code count} tasks ({@link Integer#MAX_VALUE}: until
	 * {@linkplain #stop() stopped}) and returns.
	 */
	void start(int count) {
		this.limit = count;
		this.running = this.owners.stream().<Future<?>>map((owner) -> this.clients.submit(() -> work(owner))).toList();
		this.clients.shutdown();
	}

	/** Lets the clients finish the task each is at, and returns when they have. */
	void stop() {
		this.limit = 0;
		finish();
	}

	private void finish() {
		try {
			for (Future<?> client : this.running) {
				client.get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a client failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			this.clients.shutdownNow();
		}
	}

	private void work(Person owner) {
		for (int task = this.next.getAndIncrement(); task < this.limit; task = this.next.getAndIncrement()) {
			Person assignee = this.assignees.get(task % this.assignees.size());
			String title = "Task " + task + " from " + owner.name();
			try {
				if (task % 2 == 0) {
					createAssigned(owner, assignee, title);
				}
				else {
					createThenAssign(owner, assignee, title);
				}
			}
			catch (IllegalStateException ex) {
				// no answer at all (the client's time limit): not acknowledged either
				this.refused.add(title + ": " + ex.getMessage());
				backOff();
			}
		}
	}

	private void createAssigned(Person owner, Person assignee, String title) {
		Response created = timed(() -> this.suite.gateway()
			.post("/api/tasks", owner, Map.of("title", title, "assigneeIds", List.of(assignee.id()))));
		if (acknowledged(created, 201, title)) {
			String id = created.json().get("id").asString();
			this.tasks.put(id, owner);
			this.assignments.add(new Assignment(id, owner, assignee, title));
		}
	}

	private void createThenAssign(Person owner, Person assignee, String title) {
		Response created = timed(() -> this.suite.gateway().post("/api/tasks", owner, Map.of("title", title)));
		if (!acknowledged(created, 201, title)) {
			return;
		}
		String id = created.json().get("id").asString();
		this.tasks.put(id, owner);
		Response assigned = timed(() -> this.suite.gateway()
			.patch("/api/tasks/" + id, owner, Map.of("assigneeIds", List.of(assignee.id()))));
		if (acknowledged(assigned, 200, title)) {
			this.assignments.add(new Assignment(id, owner, assignee, title));
		}
	}

	private boolean acknowledged(Response response, int success, String title) {
		if (response.status() == success) {
			return true;
		}
		this.refused.add(title + ": " + response.status() + " " + response.contentType() + " " + response.text());
		backOff();
		return false;
	}

	/**
	 * A client pauses after a refusal rather than spending its request budget (the
	 * gateway's limit per person) on a service that is away.
	 */
	private static void backOff() {
		Outage.pause(BACK_OFF);
	}

	private Response timed(Supplier<Response> request) {
		long started = System.nanoTime();
		Response response = request.get();
		this.slowestMillis.accumulateAndGet(Outage.elapsedMillis(started), Math::max);
		return response;
	}

	/** The owner of the first client, for requests of a scenario's own. */
	Person owner() {
		return this.owners.getFirst();
	}

	/** Acknowledged tasks their owner cannot read (any answer but 200). */
	List<String> missingTasks() {
		return this.tasks.entrySet()
			.stream()
			.filter((task) -> this.suite.gateway()
				.get("/api/tasks/" + task.getKey(), session(task.getValue()))
				.status() != 200)
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The person's session, logged in again once it is {@link #RENEW_AFTER} old: a
	 * scenario, and a wait for a catch-up, may outlast the suite's access tokens (45 s).
	 */
	private Person session(Person person) {
		return this.sessions.compute(person.email(),
				(email, session) -> (session != null && session.issued().plus(RENEW_AFTER).isAfter(Instant.now()))
						? session : new Session(this.suite.gateway().logIn(person), Instant.now()))
			.person();
	}

	/** Every task the suite acknowledged (201), with its owner. */
	Map<String, Person> tasks() {
		return Map.copyOf(this.tasks);
	}

	/** Every assignment the suite acknowledged (201 with assignee, or 200). */
	List<Assignment> assignments() {
		return List.copyOf(this.assignments);
	}

	/** Writes not acknowledged, each with its answer. */
	List<String> refused() {
		return List.copyOf(this.refused);
	}

	/** The slowest answer to any write, in milliseconds. */
	long slowestMillis() {
		return this.slowestMillis.get();
	}

	/**
	 * Waits until the suite has acknowledged {@code count} assignments.
	 */
	void awaitAssignments(int count, Duration timeout) {
		await().atMost(timeout).until(() -> this.assignments.size() >= count);
	}

	/**
	 * Waits until every acknowledged assignment has reached its assignee in the app, then
	 * by email, then until nothing more is coming, and asserts that each arrived exactly
	 * once and that no task was notified twice (a write whose answer was lost may have
	 * been notified, but once at most).
	 * @return when the last of the in-app notifications was stored
	 */
	Instant assertEachToldOnce(Duration timeout) {
		Map<Person, List<Assignment>> byAssignee = this.assignments.stream()
			.collect(Collectors.groupingBy(Assignment::assignee));
		await().atMost(timeout)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> byAssignee.forEach((assignee, expected) -> assertThat(told(assignee).keySet())
				.as("tasks %s was told about", assignee.name())
				.containsAll(ids(expected))));
		Instant last = byAssignee.keySet()
			.stream()
			.flatMap((assignee) -> told(assignee).values().stream().flatMap(Collection::stream))
			.map((n) -> Instant.parse(n.get("createdAt").asString()))
			.max(Instant::compareTo)
			.orElseThrow();
		await().atMost(timeout)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> byAssignee
				.forEach((assignee, expected) -> assertThat(mail(assignee)).as("emails to %s", assignee.name())
					.containsKeys(expected.stream().map(Assignment::subject).toArray(String[]::new))));
		this.suite.topics().awaitConsumed(timeout);
		await().during(SETTLE)
			.atMost(SETTLE.plus(timeout))
			.untilAsserted(() -> byAssignee.forEach((assignee, expected) -> {
				assertThat(told(assignee)).as("notifications of %s by task", assignee.name())
					.allSatisfy((task, notifications) -> assertThat(notifications).hasSize(1));
				assertThat(mail(assignee)).as("emails to %s by subject", assignee.name())
					.allSatisfy((subject, count) -> assertThat(count).isOne());
			}));
		return last;
	}

	/** The person's assignment notifications, by task. */
	private Map<String, List<JsonNode>> told(Person assignee) {
		return this.suite.gateway()
			.notifications(session(assignee))
			.stream()
			.filter((n) -> n.get("kind").asString().equals("TASK_ASSIGNED"))
			.collect(Collectors.groupingBy((n) -> n.get("taskId").asString()));
	}

	/** The person's emails about assignments, counted by subject. */
	private Map<String, Long> mail(Person assignee) {
		return this.suite.mailbox(assignee.email())
			.subjects()
			.stream()
			.filter((subject) -> subject.contains(" assigned you "))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static List<String> ids(List<Assignment> assignments) {
		return assignments.stream().map(Assignment::taskId).toList();
	}

	private record Session(Person person, Instant issued) {
	}

	/** An assignment the suite acknowledged. */
	record Assignment(String taskId, Person owner, Person assignee, String title) {

		/** The subject of the email it makes. */
		String subject() {
			return this.owner.name() + " assigned you “" + this.title + "”";
		}

	}

}
