package org.taskflow.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OpenTelemetryAgentTests {

	@TempDir
	Path home;

	@Test
	void takesTheEndpointFromTheOptionOrFallsBackToTheEnvironmentOrTheDefault() {
		assertThat(OpenTelemetryAgent.fromOption("--otel=http://collector:4318").endpoint())
			.isEqualTo(URI.create("http://collector:4318"));
		String configured = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
		assertThat(OpenTelemetryAgent.fromOption("--otel").endpoint())
			.isEqualTo((configured != null && !configured.isBlank()) ? URI.create(configured)
					: OpenTelemetryAgent.DEFAULT_ENDPOINT);
		assertThatIllegalArgumentException().isThrownBy(() -> OpenTelemetryAgent.fromOption("--otel=collector"));
		assertThatIllegalArgumentException().isThrownBy(() -> OpenTelemetryAgent.fromOption("--otelx"));
	}

	@Test
	void namesTheServiceAndPutsTraceIdsInTheLogsUnderEcsNames() {
		OpenTelemetryAgent agent = new OpenTelemetryAgent(URI.create("http://127.0.0.1:4318"));
		assertThat(agent.environment("task-service", Map.of())).containsEntry("OTEL_SERVICE_NAME", "task-service")
			.containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")
			.containsEntry("OTEL_TRACES_EXPORTER", "otlp")
			.containsEntry("OTEL_METRICS_EXPORTER", "none")
			.containsEntry("OTEL_INSTRUMENTATION_COMMON_LOGGING_TRACE_ID_KEY", "trace.id")
			.containsEntry("OTEL_INSTRUMENTATION_COMMON_LOGGING_SPAN_ID_KEY", "span.id")
			.containsEntry("LOGGING_PATTERN_CORRELATION", "%correlationId{trace.id(32),span.id(16)}");
	}

	@Test
	void leavesWhatTheLauncherEnvironmentSetsExceptTheServiceNameAndEndpoint() {
		OpenTelemetryAgent agent = new OpenTelemetryAgent(URI.create("http://127.0.0.1:4318"));
		Map<String, String> environment = agent.environment("task-service", Map.of("OTEL_LOGS_EXPORTER", "otlp",
				"OTEL_SERVICE_NAME", "everything", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://elsewhere:4318"));
		assertThat(environment).doesNotContainKey("OTEL_LOGS_EXPORTER")
			.containsEntry("OTEL_SERVICE_NAME", "task-service")
			.containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318");
	}

	@Test
	void attachesTheAgentThatTheServiceBuildCopied() throws Exception {
		OpenTelemetryAgent agent = new OpenTelemetryAgent(OpenTelemetryAgent.DEFAULT_ENDPOINT);
		assertThatIllegalStateException().isThrownBy(() -> agent.jvmOptions(this.home, "user-service"))
			.withMessageContaining("build the service first");
		Path jar = OpenTelemetryAgent.jar(this.home, "user-service");
		Files.createDirectories(jar.getParent());
		Files.createFile(jar);
		assertThat(agent.jvmOptions(this.home, "user-service")).containsExactly("-javaagent:" + jar);
	}

}
