package org.taskflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every TaskFlow service exposes to its platform: liveness and readiness probes and
 * Prometheus metrics. A service's integration test implements this and says which port it
 * runs on and which infrastructure its health covers.
 */
public interface OperationalEndpointsContract {

	int port();

	/**
	 * Health components this service must report {@code UP}, e.g. {@code mongo},
	 * {@code redis}.
	 */
	java.util.List<String> healthComponents();

	@Test
	default void reportsLiveAndReady() throws Exception {
		assertThat(get("/actuator/health/liveness")).returns(200, HttpResponse::statusCode);
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
	}

	@Test
	default void reportsItsInfrastructureUp() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		for (String component : healthComponents()) {
			assertThat(health.body()).contains("\"" + component + "\":{\"status\":\"UP\"");
		}
	}

	@Test
	default void exposesPrometheusMetrics() throws Exception {
		HttpResponse<String> metrics = get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

}
