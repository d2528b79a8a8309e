package org.taskflow.testsupport;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every TaskFlow service exposes to its platform: liveness and readiness probes and
 * Prometheus metrics. A service's integration test implements this and says which
 * infrastructure its health covers; the tests find the actuator themselves
 * ({@link ActuatorPort}).
 */
public interface OperationalEndpointsContract {

	/**
	 * Health components this service must report, e.g. {@code mongo}, {@code redis};
	 * every component reported, these and any other, must be {@code UP}.
	 */
	List<String> healthComponents();

	@Test
	default void reportsLiveAndReady(@ActuatorPort int port) {
		assertThat(TestHttp.get(port, "/actuator/health/liveness")).returns(200, HttpResponse::statusCode);
		HttpResponse<String> readiness = TestHttp.get(port, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
	}

	@Test
	default void reportsItsInfrastructureUp(@ActuatorPort int port) {
		HttpResponse<String> health = TestHttp.get(port, "/actuator/health");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		for (String component : healthComponents()) {
			assertThat(health.body()).contains("\"" + component + "\":{\"status\":\"UP\"");
		}
		// a component not UP on a healthy service teaches readers to ignore the page
		assertThat(health.body()).as("every component of a healthy service is UP")
			.doesNotContainPattern("\"status\":\"(?!UP\")");
	}

	@Test
	default void exposesPrometheusMetrics(@ActuatorPort int port) {
		HttpResponse<String> metrics = TestHttp.get(port, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"");
	}

}
