package org.taskflow.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.taskflow.infra.LocalStack.Service;
import org.taskflow.system.Gateway.Person;
import org.taskflow.testsupport.MonitoredMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the shipped Grafana dashboards and alert rules read is one the running
 * services really export: a renamed or missing meter would leave a panel blank and an
 * alert silent with nothing else failing. The scrape is what Prometheus would get from
 * each service's management port after ordinary use (sign-ups, a task with an assignee,
 * its notification).
 */
@ExtendWith(RunningSuite.Extension.class)
class MonitoringSystemTests {

	private static final Path CHART = Path.of(System.getProperty("taskflow.home", "..")).resolve("helm");

	@Test
	void everyMetricTheDashboardsAndAlertsReadIsExported(RunningSuite suite) {
		Gateway gateway = suite.gateway();
		Person ada = gateway.signUp("Ada");
		Person bob = gateway.signUp("Bob");
		// user-service makes Bob's profile from auth-service's event; only then can he be
		// assigned
		await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/users/me", bob).status() == 200);
		// task-service asks user-service about the assignee (its breaker), publishes to
		// Kafka, and
		// notification-service consumes it; the gateway routes and times all of it
		Gateway.Response created = gateway.post("/api/tasks", ada,
				Map.of("title", "Check the dashboards", "assigneeIds", List.of(bob.id())));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(gateway.get("/api/tasks", ada).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(MonitoredMetrics.missingFrom(CHART, scrape(suite)))
				.as("metrics the dashboards or alerts read that no service exports")
				.isEmpty());
	}

	private static Set<String> scrape(RunningSuite suite) throws IOException, InterruptedException {
		Set<String> samples = new TreeSet<>();
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (Service service : Service.values()) {
				URI metrics = suite.stack().managementUrl(service).resolve("/actuator/prometheus");
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(metrics.toString()).isEqualTo(200);
				response.body()
					.lines()
					.filter((line) -> !line.isBlank() && !line.startsWith("#"))
					.map((line) -> line.split("[{ ]", 2)[0])
					.forEach(samples::add);
			}
		}
		return samples;
	}

}
