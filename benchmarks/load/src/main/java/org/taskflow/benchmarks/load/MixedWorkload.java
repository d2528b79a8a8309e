package org.taskflow.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Many people using TaskFlow through the gateway as the web app does: first they sign up
 * and each creates some tasks, then, at each fixed arrival rate of the {@link Plan},
 * every arriving virtual user sends one request of a mix of about 70% reads, 20% writes
 * and 10% search as one of them (an open model: the rate does not drop when the suite
 * slows down).
 */
public final class MixedWorkload extends Simulation {

	static final String SIGN_UP = "sign-up";

	/**
	 * Before the measured steps, half a minute of the same load at the first rate, not
	 * held to the targets (its figures are printed): the first requests after a start pay
	 * for class loading, the JIT, connection pools and the services' first tokens for
	 * each other, which is a start's cost, not the rate's.
	 */
	static final String WARM_UP = "warm-up";

	private static final Duration WARM_UP_TIME = Duration.ofSeconds(30);

	private static final String PASSWORD = "correct horse battery staple";

	private static final List<String> NAMES = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
			"Ken");

	private static final List<String> WORDS = List.of("report", "invoice", "review", "release", "budget", "meeting",
			"backup", "roadmap");

	private final Plan plan = Plan.fromSystemProperties();

	/** Who signed up, filled by the sign-up scenario before any step starts. */
	private final List<Person> people = new CopyOnWriteArrayList<>();

	{
		PopulationBuilder steps = null;
		for (int rate : this.plan.rates().reversed()) {
			PopulationBuilder step = step(Plan.stepName(rate))
				.injectOpen(constantUsersPerSec(rate).during(this.plan.step()));
			steps = (steps != null) ? step.andThen(steps) : step;
		}
		PopulationBuilder signUp = signUp()
			// two a second: at four, a cold auth-service's password hashing made its
			// bulkhead refuse some of them in one run
			.injectOpen(rampUsers(this.plan.people()).during(Duration.ofSeconds(Math.max(1, this.plan.people() / 2))));
		int firstRate = this.plan.rates().getFirst();
		PopulationBuilder warmUp = step(WARM_UP).injectOpen(constantUsersPerSec(firstRate).during(WARM_UP_TIME));
		setUp(signUp.andThen(warmUp.andThen(steps)))
			.protocols(http.baseUrl(this.plan.gateway().toString())
				.acceptHeader("application/json, application/problem+json")
				.header("API-Version", "1")
				// the people behind the rate keep their connections, as browsers do
				.shareConnections())
			.assertions(assertions());
	}

	private List<Assertion> assertions() {
		List<Assertion> assertions = new ArrayList<>(List.of(details(SIGN_UP).failedRequests().count().is(0L)));
		if (this.plan.p95Millis() > 0) {
			for (int rate : this.plan.rates()) {
				assertions.add(details(Plan.stepName(rate)).responseTime().percentile(95).lt(this.plan.p95Millis()));
				assertions.add(details(Plan.stepName(rate)).failedRequests().count().is(0L));
			}
		}
		return assertions;
	}

	private ScenarioBuilder signUp() {
		Stream<Map<String, Object>> newcomers = Stream.iterate(1, (n) -> n + 1)
			.map((n) -> Map.of("name", NAMES.get(n % NAMES.size()) + " " + n, "email",
					"load-" + UUID.randomUUID() + "@example.com"));
		return scenario(SIGN_UP).feed(newcomers.iterator())
			.group(SIGN_UP)
			.on(exec(http("sign up").post("/api/auth/signup")
				.body(StringBody(
						"{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"#{name}\"}"))
				.asJson()
				.check(status().is(202)))
				.exec(http("log in").post("/api/auth/login")
					.body(StringBody(
							"{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\",\"tokenDelivery\":\"body\"}"))
					.asJson()
					.check(jsonPath("$.accessToken").saveAs("token")))
				.exec(authorized(http("who am I").get("/api/auth/me")).check(jsonPath("$.id").saveAs("id")))
				.exec((session) -> session.set("taskIds", List.of()))
				.repeat(this.plan.tasksPerPerson())
				.on(exec(authorized(http("add a task").post("/api/tasks")).body(StringBody((session) -> newTask()))
					.asJson()
					.check(status().is(201), jsonPath("$.id").saveAs("taskId"))).exec(MixedWorkload::keepTaskId))
				.exec(this::remember));
	}

	private static Session keepTaskId(Session session) {
		List<String> ids = new ArrayList<>(session.<String>getList("taskIds"));
		ids.add(session.getString("taskId"));
		return session.set("taskIds", List.copyOf(ids));
	}

	private Session remember(Session session) {
		if (!session.isFailed()) {
			this.people.add(new Person(session.getString("id"), session.getString("name"), session.getString("token"),
					session.getList("taskIds")));
		}
		return session;
	}

	private ScenarioBuilder step(String name) {
		ChainBuilder reads = randomSwitch().on(
				percent(36).then(exec(authorized(http("tasks: first page").get("/api/tasks?sort=created&limit=20")))),
				percent(22).then(exec(authorized(http("tasks: one").get("/api/tasks/#{taskId}")))),
				percent(21).then(exec(authorized(http("users: me").get("/api/users/me")))), percent(21).then(
						exec(authorized(http("notifications: unread count").get("/api/notifications/unread-count")))));
		ChainBuilder writes = randomSwitch().on(
				percent(50).then(exec(authorized(http("tasks: create").post("/api/tasks"))
					.header("Idempotency-Key", (session) -> UUID.randomUUID().toString())
					.body(StringBody((session) -> newTask()))
					.asJson()
					.check(status().is(201)))),
				percent(25).then(exec(patchTask("tasks: update", "{\"priority\":\"#{priority}\"}"))),
				percent(25).then(exec(patchTask("tasks: assign", "{\"assigneeIds\":[\"#{otherId}\"]}"))));
		ChainBuilder searches = randomSwitch().on(
				percent(50).then(exec(authorized(http("tasks: search").get("/api/tasks?q=#{word}&limit=20")))),
				percent(50).then(exec(authorized(http("users: search").get("/api/users/search?q=#{firstName}")))));
		return scenario(name).feed(Stream.generate(this::anyone).iterator())
			.group(name)
			.on(randomSwitch().on(percent(70).then(reads), percent(20).then(writes), percent(10).then(searches)));
	}

	/**
	 * A change as the web app sends it (a JSON merge patch), without {@code If-Match}:
	 * people here edit their tasks concurrently on purpose, and a lost race would be a
	 * {@code 412}, which the web app resolves by asking the person, not a failure.
	 */
	private static HttpRequestActionBuilder patchTask(String name, String patch) {
		return authorized(http(name).patch("/api/tasks/#{taskId}")).body(StringBody(patch))
			.header("Content-Type", "application/merge-patch+json");
	}

	private static HttpRequestActionBuilder authorized(HttpRequestActionBuilder request) {
		return request.header("Authorization", "Bearer #{token}");
	}

	/** One of the people, one of their tasks, someone else to assign it to. */
	private Map<String, Object> anyone() {
		if (this.people.isEmpty()) {
			throw new IllegalStateException("nobody signed up: see the failures of the sign-up group");
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Person person = this.people.get(random.nextInt(this.people.size()));
		Person other = this.people.get(random.nextInt(this.people.size()));
		return Map.of("token", person.token(), "taskId", person.taskIds().get(random.nextInt(person.taskIds().size())),
				"otherId", other.id(), "firstName", other.name().split(" ")[0], "word", any(WORDS), "priority",
				any(List.of("LOW", "MEDIUM", "HIGH", "URGENT")));
	}

	private static String newTask() {
		return "{\"title\":\"%s %s %d\",\"priority\":\"MEDIUM\",\"tags\":[\"load\"]}".formatted(any(WORDS), any(WORDS),
				ThreadLocalRandom.current().nextInt(1000));
	}

	private static String any(List<String> values) {
		return values.get(ThreadLocalRandom.current().nextInt(values.size()));
	}

	private record Person(String id, String name, String token, List<String> taskIds) {
	}

}
