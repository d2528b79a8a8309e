package org.taskflow.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.taskflow.system.Gateway.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./run-local --demo} runs {@code scripts/demo.mjs} against the suite it started:
 * three people with tasks and assignments who can log in with the password it prints, and
 * a second run that adds nothing.
 */
@ExtendWith(RunningSuite.Extension.class)
class DemoSystemTests {

	private static final Path HOME = Path.of(System.getProperty("taskflow.home", "..")).toAbsolutePath();

	@Test
	void theDemoFillsTheSuiteOnceAndSaysHowToLogIn(RunningSuite suite) throws Exception {
		String first = demo(suite);
		assertThat(first).contains("Demo data: 9 tasks for 3 people.", "ada.lovelace@example.com",
				"grace.hopper@example.com", "alan.turing@example.com", "password \"taskflow demo 2026\"");

		Gateway gateway = suite.gateway();
		Person grace = gateway.logIn("grace.hopper@example.com", "taskflow demo 2026");
		// her three tasks, and the two that Ada and Alan assigned to her
		assertThat(gateway.get("/api/tasks?tag=demo", grace).json().get("items")).hasSize(5);
		// the welcome and the two assignments (and a due-soon reminder once the poller
		// sees
		// her task due today)
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(gateway.get("/api/notifications", grace).json().get("items"))
				.extracting((notification) -> notification.get("kind").asString())
				.containsOnlyOnce("WELCOME")
				.filteredOn("TASK_ASSIGNED"::equals)
				.hasSize(2));

		assertThat(demo(suite)).contains("Demo data was already there.");
		Person ada = gateway.logIn("ada.lovelace@example.com", "taskflow demo 2026");
		// her four tasks, and the two assigned to her
		assertThat(gateway.get("/api/tasks?tag=demo", ada).json().get("items")).hasSize(6);
	}

	private static String demo(RunningSuite suite) throws IOException, InterruptedException {
		Process demo = new ProcessBuilder("node", "scripts/demo.mjs", suite.stack().gatewayUrl().toString())
			.directory(HOME.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(demo.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(demo.exitValue()).as(output).isZero();
		return output;
	}

}
