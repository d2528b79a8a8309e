package org.taskflow.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.taskflow.infra.LocalStack.Infrastructure;
import org.taskflow.infra.LocalStack.Service;
import org.taskflow.system.Gateway.Person;
import org.taskflow.system.Gateway.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash while people are busy: the Kafka broker, or a service, killed (SIGKILL) while
 * clients keep creating and assigning tasks. Nothing the suite acknowledged is lost, and
 * every acknowledged assignment reaches its assignee once, in the app and by email, once
 * the crashed piece is back. Each scenario prints one line of figures.
 * <p>
 * A suite of its own, so that the figures are the crash's alone.
 */
class CrashUnderLoadSystemTests {

	private static final Duration WAIT = SharedSuiteTests.WAIT;

	private static RunningSuite suite;

	private static Gateway gateway;

	@BeforeAll
	static void start() {
		suite = RunningSuite.start("crash", UnaryOperator.identity());
		gateway = suite.gateway();
	}

	@AfterAll
	static void stop() {
		if (suite != null) {
			suite.close();
		}
	}

	/** Catching up on hundreds of assignments takes longer than one event does. */
	private static final Duration CATCH_UP = Duration.ofMinutes(2);

	/**
	 * Takes two to four minutes: the load, the outage, the catch-up, then reading every
	 * assignee's notifications and mailbox until nothing more comes.
	 */
	@Test
	@Timeout(value = 6, unit = TimeUnit.MINUTES)
	void aKafkaKilledFor30sWhile500TasksAreAssignedAcknowledgesEveryWriteAndTellsEachAssigneeOnceAfterItReturns()
			throws Exception {
		int tasks = 500;
		Duration planned = Duration.ofSeconds(30);
		AssignmentLoad load = AssignmentLoad.of(suite, 4, 8);

		Outage outage = Outage.begins();
		suite.stack().kill(Infrastructure.KAFKA);
		long loaded;
		try {
			load.run(tasks);
			loaded = outage.elapsedMillis();
			outage.holdFor(planned);
		}
		finally {
			suite.stack().start(Infrastructure.KAFKA);
		}
		Instant back = Instant.now();
		long down = outage.elapsedMillis();

		assertThat(load.refused()).as("writes not acknowledged").isEmpty();
		assertThat(load.assignments()).hasSize(tasks);
		Instant last = load.assertEachToldOnce(CATCH_UP);

		System.out.printf(
				"kafka outage (SIGKILL, %.1f s): %d tasks created and assigned by 4 clients in %.1f s while it was down, "
						+ "every write acknowledged (slowest %d ms); catch-up %.1f s from the broker's return to the last "
						+ "of %d notifications; each notification and email once%n",
				down / 1000.0, tasks, loaded / 1000.0, load.slowestMillis(),
				Duration.between(back, last).toMillis() / 1000.0, tasks);
	}

	/**
	 * task-service dies with writes in flight and events waiting in its outbox: what it
	 * acknowledged is there after the restart, the edge says 503 while it is away, and
	 * its outbox resumes where it stopped, each assignment notified once.
	 */
	@Test
	void aTaskServiceKilledMidLoadKeepsEveryAcknowledgedTaskAndItsOutboxTellsEachAssigneeOnce() throws Exception {
		AssignmentLoad load = AssignmentLoad.of(suite, 4, 4);
		Person owner = load.owner();
		String before = created(gateway.post("/api/tasks", owner, Map.of("title", "Survive the crash")));

		load.start(Integer.MAX_VALUE);
		Response away;
		int acknowledgedAtKill;
		long restarted;
		try {
			load.awaitAssignments(40, WAIT);
			acknowledgedAtKill = load.assignments().size();
			Outage outage = Outage.begins();
			suite.stack().kill(Service.TASK);
			try {
				away = gateway.get("/api/tasks/" + before, owner);
			}
			finally {
				suite.stack().start(Service.TASK);
			}
			restarted = outage.elapsedMillis();
			load.awaitAssignments(load.assignments().size() + 40, WAIT);
		}
		finally {
			load.stop();
		}

		assertThat(away.status()).as(away.text()).isEqualTo(503);
		assertThat(away.json().get("type").asString()).isEqualTo("urn:taskflow:problem:service-unavailable");
		assertThat(load.refused()).as("answers to writes not acknowledged")
			.allSatisfy((refused) -> assertThat(refused).containsPattern(": 50[34] application/problem\\+json"));
		assertThat(load.missingTasks()).as("acknowledged tasks missing after the restart").isEmpty();
		load.assertEachToldOnce(CATCH_UP);

		System.out.printf(
				"task-service killed (SIGKILL) under load by 4 clients: %d assignments acknowledged before the kill, "
						+ "ready again %.1f s later; %d writes meanwhile refused with a 503/504 problem; all %d "
						+ "acknowledged tasks there after the restart, each of %d assignments told once in the app and "
						+ "by email%n",
				acknowledgedAtKill, restarted / 1000.0, load.refused().size(), load.tasks().size(),
				load.assignments().size());
	}

	private static String created(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asString();
	}

}
