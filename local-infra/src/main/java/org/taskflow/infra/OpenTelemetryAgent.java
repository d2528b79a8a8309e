package org.taskflow.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenTelemetry Java agent attached to a service JVM started on this machine, sending
 * traces over OTLP/HTTP to one endpoint. Each service build copies the agent to
 * {@code <service>/target/agent/opentelemetry-javaagent.jar}, the same jar its image
 * carries.
 *
 * <p>
 * Locally only traces are exported: metrics are on each service's
 * {@code /actuator/prometheus} and logs in its log file, where every line written inside
 * a span carries {@code [<trace id>-<span id>]}. Any {@code OTEL_*} variable set in the
 * launcher's environment (say {@code OTEL_LOGS_EXPORTER=otlp}) wins over these defaults;
 * the service name and the endpoint are always this class's.
 */
public record OpenTelemetryAgent(URI endpoint) {

	/** Where an OpenTelemetry collector or an all-in-one backend takes OTLP/HTTP. */
	public static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:4318");

	/**
	 * Defaults, the same for every service. The agent puts the current trace and span ids
	 * in the logging MDC; under the ECS names, as in the images, so that JSON logs nest
	 * them as {@code trace.id} and {@code span.id} and text logs print them through
	 * Spring Boot's correlation pattern.
	 */
	private static final Map<String, String> DEFAULTS = Map.ofEntries(
			Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"), Map.entry("OTEL_TRACES_EXPORTER", "otlp"),
			Map.entry("OTEL_METRICS_EXPORTER", "none"), Map.entry("OTEL_LOGS_EXPORTER", "none"),
			Map.entry("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=local"),
			Map.entry("OTEL_INSTRUMENTATION_COMMON_LOGGING_TRACE_ID_KEY", "trace.id"),
			Map.entry("OTEL_INSTRUMENTATION_COMMON_LOGGING_SPAN_ID_KEY", "span.id"),
			Map.entry("LOGGING_PATTERN_CORRELATION", "%correlationId{trace.id(32),span.id(16)}"));

	/**
	 * Reads the launcher option {@code --otel} (endpoint from
	 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, else {@link #DEFAULT_ENDPOINT}) or
	 * {@code --otel=<endpoint>}.
	 */
	public static OpenTelemetryAgent fromOption(String option) {
		if (option.equals("--otel")) {
			String configured = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
			return new OpenTelemetryAgent(
					(configured != null && !configured.isBlank()) ? URI.create(configured) : DEFAULT_ENDPOINT);
		}
		if (option.startsWith("--otel=")) {
			URI endpoint = URI.create(option.substring("--otel=".length()));
			if (endpoint.getScheme() == null || endpoint.getHost() == null) {
				throw new IllegalArgumentException("--otel wants an http(s) URL, e.g. " + DEFAULT_ENDPOINT);
			}
			return new OpenTelemetryAgent(endpoint);
		}
		throw new IllegalArgumentException("not an --otel option: " + option);
	}

	/** The agent jar that the build of {@code service} put beside its jar. */
	public static Path jar(Path home, String service) {
		return home.resolve(service).resolve("target/agent/opentelemetry-javaagent.jar");
	}

	/** JVM options that attach the agent; fails if the build has not copied it. */
	public List<String> jvmOptions(Path home, String service) {
		Path jar = jar(home, service);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no OpenTelemetry agent at " + jar + "; build the service first");
		}
		return List.of("-javaagent:" + jar);
	}

	/** Environment for the service's JVM, to add to the launcher's own. */
	public Map<String, String> environment(String service) {
		return environment(service, System.getenv());
	}

	Map<String, String> environment(String service, Map<String, String> launcherEnvironment) {
		Map<String, String> environment = new HashMap<>(DEFAULTS);
		environment.keySet().removeAll(launcherEnvironment.keySet());
		environment.put("OTEL_SERVICE_NAME", service);
		environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", this.endpoint.toString());
		return environment;
	}

}
