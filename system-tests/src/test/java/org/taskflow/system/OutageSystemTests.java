package org.taskflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.taskflow.infra.LocalStack.Infrastructure;
import org.taskflow.infra.LocalStack.Service;
import org.taskflow.system.Gateway.Person;
import org.taskflow.system.Gateway.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What people meet while a piece of the suite is away, and once it is back: Redis,
 * MongoDB, the SMTP server, auth-service. Every answer is quick and clear (a success or a
 * problem document, never a hang or a 500), nothing acknowledged or in flight is lost or
 * doubled, and everything recovers without a restart. A suite of its own, since these
 * take away what every other test class relies on. Each scenario prints one line of
 * figures.
 */
class OutageSystemTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** Long enough for a second email or a dead letter, if one were coming, to show. */
	private static final Duration SETTLE = Duration.ofSeconds(4);

	/**
	 * The gateway's time limit to a service's response headers (its
	 * {@code response-timeout}): an answer later than this is a hang.
	 */
	private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

	/**
	 * Requests per minute for one address without a token: small here, so that a client
	 * can spend it while Redis is away.
	 */
	private static final int ANONYMOUS_BUDGET = 20;

	private static RunningSuite suite;

	private static Gateway gateway;

	@BeforeAll
	static void start() {
		suite = RunningSuite.start("outages",
				(builder) -> builder
					.property(Service.GATEWAY, "taskflow.gateway.rate-limit.anonymous",
							Integer.toString(ANONYMOUS_BUDGET))
					// a failed email is tried again after 2 s instead of 30 s: the SMTP
					// scenario stays short
					.property(Service.NOTIFICATION, "taskflow.notifications.email.initial-backoff", "2s"));
		gateway = suite.gateway();
	}

	@AfterAll
	static void stop() {
		if (suite != null) {
			suite.close();
		}
	}

	/**
	 * The gateway's designed fallback: each instance counts in its own memory, so a
	 * budget still holds (per instance). Login and refresh either work or say clearly
	 * that they cannot; an open live stream delivers again once Redis is back.
	 */
	@Test
	void whileRedisIsAwayLimitsHoldLoginAndRefreshAnswerClearlyAndLiveStreamsRecover() {
		Duration outage = Duration.ofSeconds(30);
		Person ada = gateway.signUp("Ada");
		Person bob = gateway.known(gateway.signUp("Bob"));
		try (LiveStream stream = gateway.openStream(bob)) {
			await().atMost(WAIT).until(stream::connected);
			Outage stopped = Outage.begins();
			suite.stack().stop(Infrastructure.REDIS);
			Timed login;
			Timed refresh;
			int refusedAt;
			try {
				refusedAt = spendAnonymousBudget("198.51.100.7");
				assertThat(gateway.postFrom("198.51.100.8", "/api/auth/refresh", Map.of()).status())
					.as("another address has a budget of its own")
					.isEqualTo(401);
				assertThat(gateway.get("/api/tasks", ada).status()).as("an authenticated read").isEqualTo(200);
				login = timed(() -> gateway.post("/api/auth/login", null,
						Map.of("email", ada.email(), "password", Gateway.PASSWORD, "tokenDelivery", "body")));
				refresh = timed(
						() -> gateway.post("/api/auth/refresh", null, Map.of("refreshToken", ada.refreshToken())));
				assertSucceededOrUnavailable(login);
				assertSucceededOrUnavailable(refresh);
				// what the web app asks for when its stream breaks
				assertSucceededOrUnavailable(
						timed(() -> gateway.post("/api/notifications/stream-tickets", bob, Map.of())), 201);
				stopped.holdFor(outage);
			}
			finally {
				startAgain(Infrastructure.REDIS);
			}
			long back = System.nanoTime();

			// a stream opened now: its ticket is issued once notification-service
			// reaches Redis again
			try (LiveStream reopened = await().atMost(WAIT)
				.ignoreExceptions()
				.until(() -> gateway.openStream(bob), (opened) -> true)) {
				await().atMost(WAIT).until(reopened::connected);
				long reconnected = Outage.elapsedMillis(back);
				String first = assign(ada, bob, "Restock the printer");
				await().atMost(WAIT).until(() -> told(reopened, first));
				// by now the stream held open through the outage is subscribed again
				String second = assign(ada, bob, "Restock the paper");
				await().atMost(WAIT).until(() -> told(stream, second) && told(reopened, second));
				long recovered = Outage.elapsedMillis(back);
				Person again = gateway.logIn(ada);
				assertThat(gateway.get("/api/tasks", again).status()).isEqualTo(200);

				System.out.printf("redis outage (%d s): limits counted per gateway (request %d of an address in a "
						+ "minute refused 429), login %d in %d ms, refresh %d in %d ms; after Redis returned a new "
						+ "stream opened in %d ms, and new notifications reached it and the stream held open "
						+ "through the outage within %d ms%n", outage.toSeconds(), refusedAt, login.response().status(),
						login.millis(), refresh.response().status(), refresh.millis(), reconnected, recovered);
			}
		}
	}

	private static String assign(Person owner, Person assignee, String title) {
		return created(gateway.post("/api/tasks", owner, Map.of("title", title, "assigneeIds", List.of(assignee.id()))))
			.get("id")
			.asString();
	}

	private static boolean told(LiveStream stream, String taskId) {
		return stream.notifications()
			.stream()
			.anyMatch((n) -> n.get("kind").asString().equals("TASK_ASSIGNED")
					&& n.get("taskId").asString().equals(taskId));
	}

	/**
	 * Every request that needs the database answers a 503 problem within the time limit;
	 * a healthy event that arrives meanwhile waits for the database instead of becoming a
	 * dead letter; afterwards everything works again, with no service restarted.
	 */
	@Test
	void whileMongoDbIsAwayRequestsAnswer503InTimeNoEventIsDeadLetteredAndAllRecovers() {
		Duration outage = Duration.ofSeconds(60);
		Person ada = gateway.known(gateway.signUp("Ada"));
		Person bob = gateway.known(gateway.signUp("Bob"));
		Map<String, Long> deadLettersBefore = suite.topics().deadLetters();
		String doraId = UUID.randomUUID().toString();
		String doraEmail = "dora-" + doraId + "@example.com";

		Outage stopped = Outage.begins();
		suite.stack().stop(Infrastructure.MONGODB);
		List<Timed> answers = new ArrayList<>();
		try {
			// a registration, as auth-service would publish it, read by every group of
			// the topic while their database is away
			suite.topics().inject(Topics.AUTH_USERS, doraId, registered(doraId, doraEmail, "Dora"));
			while (stopped.elapsedMillis() < outage.minus(TIME_LIMIT).toMillis()) {
				for (Supplier<Response> request : List.<Supplier<Response>>of(() -> gateway.get("/api/tasks", ada),
						() -> gateway.post("/api/tasks", ada, Map.of("title", "Not now")),
						() -> gateway.get("/api/users/me", ada), () -> gateway.get("/api/notifications", ada),
						() -> gateway.post("/api/auth/login", null,
								Map.of("email", bob.email(), "password", Gateway.PASSWORD)))) {
					Timed answer = timed(request);
					assertThat(answer.response().status()).as(answer.response().text()).isEqualTo(503);
					assertThat(answer.response().isProblem()).as(answer.response().contentType()).isTrue();
					answers.add(answer);
				}
				Outage.pause(Duration.ofSeconds(2));
			}
			stopped.holdFor(outage);
		}
		finally {
			startAgain(Infrastructure.MONGODB);
		}
		long back = System.nanoTime();

		// new sessions: the outage outlasted much of the suite's access-token lifetime
		Person adaNow = await().atMost(WAIT).ignoreExceptions().until(() -> gateway.logIn(ada), (p) -> true);
		Person bobNow = gateway.logIn(bob);
		// as a client does that retries after a 503 (the gateway's breakers close
		// again after a few successful calls)
		String id = await().atMost(WAIT)
			.ignoreExceptions()
			.until(() -> assign(adaNow, bob, "Count the chairs"), (created) -> true);
		long recovered = Outage.elapsedMillis(back);
		String welcome = "Welcome to TaskFlow, Dora";
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(gateway.notifications(bobNow)).anyMatch(
					(n) -> n.get("kind").asString().equals("TASK_ASSIGNED") && n.get("taskId").asString().equals(id));
			assertThat(suite.mailbox(doraEmail).subjects()).contains(welcome);
		});
		suite.topics().awaitConsumed(WAIT);
		Outage.pause(SETTLE);
		assertThat(suite.topics().deadLetters()).as("dead letters").isEqualTo(deadLettersBefore);
		assertThat(suite.mailbox(doraEmail).subjects()).filteredOn(welcome::equals).hasSize(1);

		long slowest = answers.stream().mapToLong(Timed::millis).max().orElseThrow();
		System.out.printf(
				"mongodb outage (%d s): %d requests answered 503 problem+json, slowest in %d ms (time limit %d s); "
						+ "0 dead letters; a task with an assignee created %d ms after MongoDB returned; the event "
						+ "that arrived during the outage handled once%n",
				outage.toSeconds(), answers.size(), slowest, TIME_LIMIT.toSeconds(), recovered);
	}

	/**
	 * An email that falls due while the SMTP server is away is tried again until it
	 * returns, and then delivered once.
	 */
	@Test
	void anEmailDueWhileSmtpIsAwayIsDeliveredOnceAfterItReturns() {
		Duration outage = Duration.ofSeconds(10);
		Person ada = gateway.signUp("Ada");
		Person cy = gateway.known(gateway.signUp("Cy"));
		String subject = "Ada assigned you “Check the invoices”";

		Outage stopped = Outage.begins();
		suite.stack().stop(Infrastructure.SMTP);
		try {
			String id = created(gateway.post("/api/tasks", ada,
					Map.of("title", "Check the invoices", "assigneeIds", List.of(cy.id()))))
				.get("id")
				.asString();
			// the in-app notification is there; its email is tried at once, and fails
			await().atMost(WAIT)
				.until(() -> gateway.notifications(cy)
					.stream()
					.anyMatch((n) -> n.get("kind").asString().equals("TASK_ASSIGNED")
							&& n.get("taskId").asString().equals(id)));
			stopped.holdFor(outage);
		}
		finally {
			startAgain(Infrastructure.SMTP);
		}
		long back = System.nanoTime();

		await().atMost(WAIT).until(() -> suite.mailbox(cy.email()).subjects().contains(subject));
		long delivered = Outage.elapsedMillis(back);
		suite.topics().awaitConsumed(WAIT);
		Outage.pause(SETTLE);
		assertThat(suite.mailbox(cy.email()).subjects()).filteredOn(subject::equals).hasSize(1);

		System.out.printf("smtp outage (%d s): the email due during it delivered once, %d ms after SMTP returned%n",
				outage.toSeconds(), delivered);
	}

	/**
	 * Tokens auth-service issued keep working while it is away (every service checks them
	 * with the keys it has); a login is refused clearly at once. The one call between
	 * services that needs auth-service, task-service's lookup of assignees at
	 * user-service, goes on with task-service's own token while it holds; once that runs
	 * out the lookup fails fast (a change adding an assignee is a 503 problem, any other
	 * change works), its breaker opens and task-service's metrics say so, and after a
	 * restart of auth-service assigning works again and the breaker closes, with no other
	 * restart.
	 */
	@Test
	void whileAuthServiceIsAwayIssuedTokensWorkLoginIsA503AndAssigningDegradesThroughItsBreaker() throws Exception {
		Person eve = gateway.signUp("Eve");
		Person fred = gateway.known(gateway.signUp("Fred"));
		// task-service has the keys and its own token (and its breakers are closed)
		assign(eve, fred, "Sort the post");

		Outage away = Outage.begins();
		suite.stack().stop(Service.AUTH);
		Timed read;
		Timed login;
		List<Timed> refused = new ArrayList<>();
		AtomicLong tokenHeld = new AtomicLong();
		Timed open;
		try {
			read = timed(() -> gateway.get("/api/tasks", eve));
			assertThat(read.response().status()).as(read.response().text()).isEqualTo(200);
			login = timed(() -> gateway.post("/api/auth/login", null,
					Map.of("email", eve.email(), "password", Gateway.PASSWORD, "tokenDelivery", "body")));
			assertThat(login.response().status()).as(login.response().text()).isEqualTo(503);
			assertThat(login.response().isProblem()).isTrue();
			assertThat(login.response().json().get("type").asString())
				.isEqualTo("urn:taskflow:problem:service-unavailable");
			assertThat(login.millis()).isLessThan(TIME_LIMIT.toMillis());

			assign(eve, fred, "Sort the parcels");
			// until task-service's token runs out (the suite's tokens live 45 s)
			await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
				Timed answer = timed(() -> gateway.post("/api/tasks", eve,
						Map.of("title", "Sort the letters", "assigneeIds", List.of(fred.id()))));
				if (answer.response().status() == 201) {
					return false;
				}
				if (refused.isEmpty()) {
					tokenHeld.set(away.elapsedMillis());
				}
				refused.add(answer);
				return userServiceBreaker().equals("open");
			});
			assertThat(refused).allSatisfy(OutageSystemTests::assertAssigneesUncheckable);
			open = timed(() -> gateway.post("/api/tasks", eve,
					Map.of("title", "Sort the letters", "assigneeIds", List.of(fred.id()))));
			assertAssigneesUncheckable(open);
			assertThat(gateway.post("/api/tasks", eve, Map.of("title", "Sort the letters later")).status())
				.as("a change without assignees")
				.isEqualTo(201);
		}
		finally {
			suite.stack().start(Service.AUTH);
		}
		long ready = System.nanoTime();

		Person again = await().atMost(WAIT).ignoreExceptions().until(() -> gateway.logIn(eve), (p) -> true);
		long loggedIn = Outage.elapsedMillis(ready);
		assertThat(gateway.get("/api/tasks", again).status()).isEqualTo(200);
		// as a client does that retries after a 503: the breaker lets calls through again
		// once it has been open for its 10 s, and closes after two of them succeeded
		AtomicLong assigning = new AtomicLong();
		await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
			Response answer = gateway.post("/api/tasks", again,
					Map.of("title", "Sort the letters again", "assigneeIds", List.of(fred.id())));
			if (answer.status() != 201) {
				return false;
			}
			assigning.compareAndSet(0, Outage.elapsedMillis(ready));
			return userServiceBreaker().equals("closed");
		});

		System.out.printf(
				"auth-service outage: an issued token read the tasks (200 in %d ms), login answered 503 problem "
						+ "in %d ms; task-service's own token carried assignments for %.1f s, then %d assignments "
						+ "answered 503 user-service-unavailable (slowest %d ms) until its breaker was open, and with "
						+ "it open in %d ms; logged in again %d ms and assigned again %d ms after auth-service was "
						+ "ready, breaker closed%n",
				read.millis(), login.millis(), tokenHeld.get() / 1000.0, refused.size(),
				refused.stream().mapToLong(Timed::millis).max().orElseThrow(), open.millis(), loggedIn,
				assigning.get());
	}

	/**
	 * task-service's answer when it cannot check assignees: a 503 problem that says so,
	 * within the time limit.
	 */
	private static void assertAssigneesUncheckable(Timed answer) {
		assertThat(answer.response().status()).as(answer.response().text()).isEqualTo(503);
		assertThat(answer.response().json().get("type").asString())
			.isEqualTo("urn:taskflow:problem:user-service-unavailable");
		assertThat(answer.millis()).as("answered within the time limit").isLessThan(TIME_LIMIT.toMillis());
	}

	/**
	 * The state of task-service's breaker around its calls to user-service, as its
	 * metrics tell a monitor ({@code closed}, {@code open}, {@code half_open}, ...).
	 */
	private static String userServiceBreaker() {
		return suite.actuator(Service.TASK, "prometheus")
			.lines()
			.filter((line) -> line.startsWith("resilience4j_circuitbreaker_state{")
					&& line.contains("name=\"user-service\"") && line.endsWith(" 1.0"))
			.map((line) -> line.replaceFirst(".*state=\"([a-z_]+)\".*", "$1"))
			.findFirst()
			.orElse("unknown");
	}

	/**
	 * Sends the refresh endpoint requests without a token (anonymous) from one address
	 * until the budget is spent, and returns the number of the request that was refused.
	 */
	private static int spendAnonymousBudget(String address) {
		for (int request = 1; request <= ANONYMOUS_BUDGET; request++) {
			Response answer = gateway.postFrom(address, "/api/auth/refresh", Map.of());
			assertThat(answer.status()).as(answer.text()).isEqualTo(401);
		}
		Response refused = gateway.postFrom(address, "/api/auth/refresh", Map.of());
		assertThat(refused.status()).as(refused.text()).isEqualTo(429);
		assertThat(refused.json().get("type").asString()).isEqualTo("urn:taskflow:problem:rate-limited");
		return ANONYMOUS_BUDGET + 1;
	}

	/**
	 * A success, or a problem that says the service cannot do it now; either within the
	 * time limit.
	 */
	private static void assertSucceededOrUnavailable(Timed answer) {
		assertSucceededOrUnavailable(answer, 200);
	}

	private static void assertSucceededOrUnavailable(Timed answer, int success) {
		assertThat(answer.millis()).as("answered within the time limit").isLessThan(TIME_LIMIT.toMillis());
		if (answer.response().status() != success) {
			assertThat(answer.response().status()).as(answer.response().text()).isEqualTo(503);
			assertThat(answer.response().isProblem()).as(answer.response().contentType()).isTrue();
		}
	}

	private static JsonNode created(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	/** A registration as auth-service publishes it (its schema's UserRegistered). */
	private static String registered(String userId, String email, String name) {
		return """
				{"specversion":"1.0","id":"%s","type":"taskflow.auth.UserRegistered.v1","source":"/auth-service",
				 "subject":"%s","time":"%s","datacontenttype":"application/json",
				 "data":{"userId":"%s","email":"%s","displayName":"%s","registeredAt":"%3$s"}}"""
			.formatted(UUID.randomUUID(), userId, Instant.now(), userId, email, name);
	}

	private static void startAgain(Infrastructure piece) {
		try {
			suite.stack().start(piece);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Timed timed(Supplier<Response> request) {
		long started = System.nanoTime();
		Response response = request.get();
		return new Timed(response, Outage.elapsedMillis(started));
	}

	/** An answer and how long it took. */
	private record Timed(Response response, long millis) {
	}

}
