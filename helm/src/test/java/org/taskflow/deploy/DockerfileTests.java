package org.taskflow.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/Dockerfile, read as text (no Docker engine here): one recipe for all services,
 * layered by Spring Boot's own tooling, pinned JRE 25, non-root, agent inside and
 * switched by the environment, a health check that needs no curl.
 */
class DockerfileTests {

	private final String dockerfile = Chart.read(Chart.REPOSITORY.resolve("docker/Dockerfile"));

	private final List<String> instructions = this.dockerfile.lines()
		.map(String::strip)
		.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
		.toList();

	@Test
	void buildsOnAPinnedJava25RuntimeImage() {
		assertThat(this.instructions).contains("ARG JRE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble");
		assertThat(this.instructions.stream().filter((line) -> line.startsWith("FROM ")))
			.allMatch((line) -> line.startsWith("FROM ${JRE_IMAGE}"));
		assertThat(this.dockerfile).doesNotContain(":latest");
		assertThat(this.dockerfile.lines()).as("a syntax directive pulls a floating frontend image")
			.noneMatch((line) -> line.startsWith("# syntax="));
	}

	@Test
	void takesTheServiceJarAndAgentThatMavenBuilt() {
		assertThat(this.instructions).contains("ARG SERVICE")
			.contains("COPY ${SERVICE}/target/${SERVICE}.jar app.jar")
			.contains(
					"COPY ${SERVICE}/target/agent/opentelemetry-javaagent.jar /opt/taskflow/opentelemetry-javaagent.jar");
		String ignore = Chart.read(Chart.REPOSITORY.resolve("docker/Dockerfile.dockerignore"));
		assertThat(ignore.lines()).contains("*", "!*/target/*.jar", "!*/target/agent/opentelemetry-javaagent.jar",
				"!docker/healthcheck.sh");
	}

	@Test
	void layersDependenciesBelowTheApplication() {
		assertThat(this.dockerfile).contains("java -Djarmode=tools -jar app.jar extract --layers --launcher");
		List<String> copies = this.instructions.stream()
			.filter((line) -> line.startsWith("COPY --from=extract"))
			.toList();
		assertThat(copies).hasSize(4);
		assertThat(copies.get(0)).contains("/dependencies/");
		assertThat(copies.get(1)).contains("/spring-boot-loader/");
		assertThat(copies.get(2)).contains("/snapshot-dependencies/");
		assertThat(copies.get(3)).contains("/application/");
		assertThat(this.dockerfile).contains("org.springframework.boot.loader.launch.JarLauncher");
	}

	@Test
	void runsAsANumericNonRootUser() {
		assertThat(this.instructions).contains("USER 10001:10001");
		int user = this.instructions.indexOf("USER 10001:10001");
		assertThat(this.instructions.subList(user, this.instructions.size()))
			.noneMatch((line) -> line.startsWith("RUN "));
	}

	@Test
	void carriesTheAgentSwitchedOffUntilTheEnvironmentTurnsItOn() {
		assertThat(this.dockerfile).contains("\"-javaagent:/opt/taskflow/opentelemetry-javaagent.jar\"")
			.contains("OTEL_JAVAAGENT_ENABLED=false")
			.contains("-XX:MaxRAMPercentage=");
	}

	@Test
	void namesTraceIdsInTheLogsAsEcsDoes() {
		assertThat(this.dockerfile).contains("OTEL_INSTRUMENTATION_COMMON_LOGGING_TRACE_ID_KEY=trace.id")
			.contains("OTEL_INSTRUMENTATION_COMMON_LOGGING_SPAN_ID_KEY=span.id");
	}

	@Test
	void bridgesMicrometersMetersToOpenTelemetryWhereTheAgentIsOn() {
		// telemetry/otel-smoke checks it end to end: Boot's meters leave over OTLP
		// beside the traces, not only on /actuator/prometheus
		assertThat(this.dockerfile).contains("OTEL_INSTRUMENTATION_MICROMETER_ENABLED=true");
	}

	@Test
	void checksHealthWithoutCurl() {
		assertThat(this.instructions).anyMatch((line) -> line.startsWith("HEALTHCHECK ")
				&& line.endsWith("CMD [\"bash\", \"/opt/taskflow/healthcheck.sh\"]"));
		String script = Chart.read(Chart.REPOSITORY.resolve("docker/healthcheck.sh"));
		assertThat(script).contains("/dev/tcp/127.0.0.1/").contains("/actuator/health/readiness");
		assertThat(script.lines().filter((line) -> !line.startsWith("#")))
			.noneMatch((line) -> line.contains("curl") || line.contains("wget"));
		Contracts contracts = Contracts.read(Chart.REPOSITORY);
		contracts.ports()
			.forEach((service, port) -> assertThat(script).as(service)
				.contains(service + ") default_port=" + contracts.managementPort(service) + " ;;"));
	}

}
