package org.taskflow.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.taskflow.testsupport.MonitoredMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, checked without a Docker engine: every long-running container is
 * health-checked, started only after what it needs is healthy, memory-limited and pinned;
 * only the gateway and the two UIs are published; the five services get exactly the
 * configuration names of docs/contracts.md, each with its own MongoDB user; Prometheus
 * scrapes every service and evaluates the chart's alerts, and Grafana shows the chart's
 * dashboards.
 */
class DockerComposeTests {

	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");

	private static final Set<String> ONE_SHOTS = Set.of("auth-keys");

	private static Map<String, Object> compose;

	private static Map<String, Object> services;

	private static Contracts contracts;

	@BeforeAll
	static void parse() {
		compose = Yaml.load(Chart.read(Chart.REPOSITORY.resolve("docker-compose.yml")));
		services = Yaml.mapAt(compose, "services");
		contracts = Contracts.read(Chart.REPOSITORY);
	}

	@Test
	void runsTheWholeSuiteOnRealInfrastructure() {
		assertThat(services).containsKeys("mongodb", "kafka", "redis", "mailpit", "lgtm", "prometheus");
		assertThat(services).containsKeys(Contracts.SERVICES.toArray(String[]::new));
		assertThat(image("kafka")).startsWith("apache/kafka:");
		assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsKey("CLUSTER_ID")
			.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
			.doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
		assertThat(environment("kafka").get("CLUSTER_ID").toString()).as("a base64url UUID")
			.matches("[A-Za-z0-9_-]{22}");
	}

	@Test
	void onePublicUrlIsTheIssuerAndTheBrowserOriginAndTheGatewayIsTheEdge() {
		String publicUrl = "${TASKFLOW_PUBLIC_URL:-http://localhost:8080}";
		for (String service : Contracts.SERVICES) {
			assertThat(environment(service)).as(service).containsEntry("TASKFLOW_SECURITY_ISSUER", publicUrl);
		}
		assertThat(environment("gateway")).containsEntry("TASKFLOW_GATEWAY_EDGE_CORS_ALLOWEDORIGINS", publicUrl)
			.containsEntry("TASKFLOW_GATEWAY_RATELIMIT_TRUSTEDPROXYHOPS", "0");
		assertThat(environment("auth-service")).containsEntry("TASKFLOW_AUTH_ALLOWEDORIGINS", publicUrl)
			.as("the key comes from the auth-keys one-shot, never from a replica")
			.containsEntry("TASKFLOW_AUTH_KEYS_GENERATEIFMISSING", "false");
	}

	@Test
	void everyLongRunningContainerHasAHealthCheckAndRestartPolicy() {
		services.forEach((name, definition) -> {
			if (ONE_SHOTS.contains(name)) {
				assertThat(Yaml.string(definition, "restart")).as(name).isEqualTo("no");
				return;
			}
			List<Object> test = Yaml.listAt(definition, "healthcheck.test");
			assertThat(test).as(name + " health check").isNotEmpty();
			assertThat(test.get(0)).as(name).isIn("CMD", "CMD-SHELL");
			assertThat(Yaml.at(definition, "healthcheck.disable")).as(name).isNotEqualTo(true);
			assertThat(Yaml.string(definition, "restart")).as(name).isIn("unless-stopped", "always", "on-failure");
		});
	}

	@Test
	void everyDependencyWaitsUntilItIsHealthyOrHasFinished() {
		services.forEach((name, definition) -> {
			Object dependsOn = Yaml.at(definition, "depends_on");
			if (dependsOn == null) {
				return;
			}
			assertThat(dependsOn).as(name + ": the long form, with a condition").isNotInstanceOf(List.class);
			Yaml.map(dependsOn).forEach((dependency, condition) -> {
				assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
				String expected = ONE_SHOTS.contains(dependency) ? "service_completed_successfully" : "service_healthy";
				assertThat(Yaml.string(condition, "condition")).as(name + " -> " + dependency).isEqualTo(expected);
			});
		});
		assertThat(Yaml.mapAt(services.get("gateway"), "depends_on")).containsKeys("auth-service", "user-service",
				"task-service", "notification-service", "redis");
		assertThat(Yaml.mapAt(services.get("auth-service"), "depends_on")).containsKeys("auth-keys", "mongodb", "kafka",
				"redis");
	}

	@Test
	void everyContainerHasAMemoryLimit() {
		services.forEach((name, definition) -> {
			Object limit = Yaml.at(definition, "deploy.resources.limits.memory");
			if (limit == null) {
				limit = Yaml.at(definition, "mem_limit");
			}
			assertThat(limit).as(name).isNotNull();
			assertThat(limit.toString()).as(name).matches("\\d+[kmg]");
		});
	}

	@Test
	void everyImageIsPinned() {
		services.forEach((name, definition) -> {
			String image = interpolateDefaults(image(name));
			assertThat(image).as(name).matches("[a-z0-9./_-]+:[A-Za-z0-9._-]+");
			String tag = image.substring(image.lastIndexOf(':') + 1);
			assertThat(tag).as(name).isNotEqualTo("latest").matches(".*\\d.*");
		});
	}

	@Test
	void servicesAreBuiltFromTheOneDockerfile() {
		for (String service : Contracts.SERVICES) {
			Object build = Yaml.at(services.get(service), "build");
			assertThat(Yaml.string(build, "context")).as(service).isEqualTo(".");
			assertThat(Yaml.string(build, "dockerfile")).as(service).isEqualTo("docker/Dockerfile");
			assertThat(Yaml.string(build, "args.SERVICE")).as(service).isEqualTo(service);
			assertThat(image(service)).as(service).startsWith("taskflow/" + service + ":");
		}
	}

	@Test
	void publishesOnlyTheGatewayAndTheUserInterfacesOnLoopback() {
		Map<String, List<String>> published = new LinkedHashMap<>();
		services.forEach((name, definition) -> {
			List<String> ports = Yaml.listAt(definition, "ports").stream().map(Object::toString).toList();
			if (!ports.isEmpty()) {
				published.put(name, ports);
			}
		});
		assertThat(published).containsOnly(Map.entry("gateway", List.of("127.0.0.1:8080:8080")),
				Map.entry("mailpit", List.of("127.0.0.1:8025:8025")), Map.entry("lgtm", List.of("127.0.0.1:3000:3000")),
				Map.entry("prometheus", List.of("127.0.0.1:9090:9090")));
		assertThat(contracts.ports()).containsEntry("gateway", 8080);
	}

	@Test
	void servicesUseOnlyContractNamesAndGetEverythingTheyNeed() {
		List<String> unknown = new ArrayList<>();
		for (String service : Contracts.SERVICES) {
			Map<String, Object> environment = environment(service);
			environment.keySet()
				.stream()
				.filter(Contracts::isApplicationSetting)
				.filter((name) -> !contracts.defines(name))
				.forEach((name) -> unknown.add(service + ": " + name));
			assertThat(environment).as(service).containsKeys(Contracts.required().get(service).toArray(String[]::new));
			assertThat(environment).as(service)
				.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
				.containsEntry("OTEL_JAVAAGENT_ENABLED", "true")
				.containsEntry("OTEL_SERVICE_NAME", service)
				.containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://lgtm:4318");
		}
		assertThat(unknown).as("names docs/contracts.md does not define").isEmpty();
		for (String required : Contracts.required().values().stream().flatMap(Set::stream).toList()) {
			assertThat(contracts.defines(required)).as(required + " is in docs/contracts.md").isTrue();
		}
	}

	@Test
	void serviceUrlsUseTheContractPorts() {
		for (String service : Contracts.SERVICES) {
			environment(service).forEach((name, value) -> {
				if (name.startsWith("TASKFLOW_SERVICES_")) {
					URI url = URI.create(value.toString());
					String target = url.getHost();
					assertThat(services).as(name).containsKey(target);
					assertThat(url.getPort()).as(service + " " + name).isEqualTo(contracts.ports().get(target));
					assertThat(Contracts.relaxed("taskflow.services." + target.replace("-service", "")))
						.isEqualTo(name);
				}
			});
		}
	}

	@Test
	void everyServiceHasItsOwnMongoDatabaseAndUser() {
		Map<String, Object> mongo = environment("mongodb");
		String initScript = Chart.read(Chart.REPOSITORY.resolve("docker/mongo-init/10-taskflow-users.js"));
		assertThat(Yaml.listAt(services.get("mongodb"), "volumes").stream().map(Object::toString))
			.contains("./docker/mongo-init:/docker-entrypoint-initdb.d:ro");
		Set<String> users = new TreeSet<>();
		Contracts.databases().forEach((service, database) -> {
			Map<String, Object> environment = environment(service);
			assertThat(environment).as(service)
				.containsEntry("SPRING_MONGODB_DATABASE", database)
				.containsKey("SPRING_MONGODB_URI");
			URI uri = URI.create(interpolateDefaults(environment.get("SPRING_MONGODB_URI").toString()));
			String user = uri.getUserInfo().substring(0, uri.getUserInfo().indexOf(':'));
			assertThat(user).as(service).isEqualTo(database);
			assertThat(uri.getQuery()).as(service).isEqualTo("authSource=" + database);
			assertThat(uri.getPath()).as("the database is not part of the URI").isIn("", "/");
			users.add(user);

			// The password the service uses is the one the init script gives its user.
			String shortName = service.replace("-service", "").toUpperCase(java.util.Locale.ROOT);
			String variable = "TASKFLOW_" + shortName + "_MONGO_PASSWORD";
			assertThat(mongo).as("mongodb container").containsKey(variable);
			assertThat(passwordExpression(environment.get("SPRING_MONGODB_URI").toString()))
				.isEqualTo(mongo.get(variable).toString());
		});
		assertThat(users).hasSize(4);
		assertThat(initScript).contains("'auth', 'user', 'task', 'notification'")
			.contains("TASKFLOW_${service.toUpperCase()}_MONGO_PASSWORD")
			.contains("role: 'readWrite', db: name");
	}

	@Test
	void clientSecretsAgreeBetweenCallersAndAuthService() {
		Map<String, Object> auth = environment("auth-service");
		assertThat(environment("task-service").get("TASKFLOW_CLIENT_SECRET"))
			.isEqualTo(auth.get("TASKFLOW_AUTH_CLIENTS_TASKSERVICE_SECRET"));
		assertThat(environment("notification-service").get("TASKFLOW_CLIENT_SECRET"))
			.isEqualTo(auth.get("TASKFLOW_AUTH_CLIENTS_NOTIFICATIONSERVICE_SECRET"));
	}

	@Test
	void authServiceSigningKeyIsGeneratedOnceAndMountedReadOnly() {
		Map<String, Object> auth = environment("auth-service");
		Map<String, Object> keys = environment("auth-keys");
		assertThat(auth).containsEntry("TASKFLOW_AUTH_KEYS_DIRECTORY", "/etc/taskflow/keys");
		assertThat(auth.get("TASKFLOW_AUTH_KEYS_ACTIVE")).isEqualTo(keys.get("KEYS_ACTIVE"));
		assertThat(Yaml.listAt(services.get("auth-service"), "volumes")).contains("auth-keys:/etc/taskflow/keys:ro");
		assertThat(Yaml.listAt(services.get("auth-keys"), "volumes")).contains("auth-keys:/keys");
		assertThat(Yaml.mapAt(compose, "volumes")).containsKey("auth-keys");
		String script = Chart.read(Chart.REPOSITORY.resolve("docker/generate-signing-key.sh"));
		assertThat(script).contains("openssl genpkey -algorithm RSA").contains("if [ ! -s \"$dir/$kid.pem\" ]");
	}

	@Test
	void prometheusScrapesEveryServiceOnItsManagementPortAndEvaluatesTheChartsAlerts() {
		Map<String, Object> config = Yaml
			.load(Chart.read(Chart.REPOSITORY.resolve("docker/prometheus/prometheus.yml")));
		List<Object> volumes = Yaml.listAt(services.get("prometheus"), "volumes");
		assertThat(volumes).contains("./docker/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
				"./helm/alerts:/etc/prometheus/rules:ro");
		assertThat(Yaml.listAt(config, "rule_files")).containsExactly("/etc/prometheus/rules/taskflow.rules.yaml");
		Map<String, String> targets = new LinkedHashMap<>();
		for (Map<String, Object> job : Yaml.mapsAt(config, "scrape_configs")) {
			assertThat(Yaml.string(job, "metrics_path")).isEqualTo("/actuator/prometheus");
			targets.put(Yaml.string(job, "job_name"),
					Yaml.listAt(Yaml.mapsAt(job, "static_configs").get(0), "targets").get(0).toString());
		}
		Map<String, String> expected = new LinkedHashMap<>();
		for (String service : Contracts.SERVICES) {
			// job named after the service: TaskFlowTargetDown selects on it
			expected.put(service, service + ":" + contracts.managementPort(service));
		}
		assertThat(targets).isEqualTo(expected);
		assertThat(contracts.managementPort("gateway")).isEqualTo(9080);
	}

	@Test
	void grafanaShowsTheChartsDashboardsFromThatPrometheus() {
		List<Object> volumes = Yaml.listAt(services.get("lgtm"), "volumes");
		String provisioning = "/otel-lgtm/grafana/conf/provisioning/";
		assertThat(volumes).contains(
				"./docker/grafana/datasource.yaml:" + provisioning + "datasources/taskflow.yaml:ro",
				"./docker/grafana/dashboards.yaml:" + provisioning + "dashboards/taskflow.yaml:ro",
				"./helm/dashboards:/taskflow/dashboards:ro");
		Map<String, Object> provider = Yaml
			.mapsAt(Yaml.load(Chart.read(Chart.REPOSITORY.resolve("docker/grafana/dashboards.yaml"))), "providers")
			.get(0);
		assertThat(Yaml.string(provider, "options.path")).isEqualTo("/taskflow/dashboards");
		Map<String, Object> datasource = Yaml
			.mapsAt(Yaml.load(Chart.read(Chart.REPOSITORY.resolve("docker/grafana/datasource.yaml"))), "datasources")
			.get(0);
		assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
		for (java.nio.file.Path file : MonitoredMetrics.dashboardFiles(Chart.DIRECTORY)) {
			assertThat(MonitoredMetrics.parseDashboard(Chart.read(file))
				.path("templating")
				.path("list")
				.get(0)
				.path("current")
				.path("value")
				.asString()).as(file + " selects it by default").isEqualTo(datasource.get("uid"));
		}
	}

	private static String image(String service) {
		return Yaml.string(services.get(service), "image");
	}

	private static Map<String, Object> environment(String service) {
		Object environment = Yaml.at(services.get(service), "environment");
		assertThat(environment).as(service + ": environment as a map").isNotInstanceOf(List.class);
		return Yaml.map(environment);
	}

	/** What compose makes of {@code ${VAR:-default}} when VAR is unset. */
	private static String interpolateDefaults(String value) {
		Matcher matcher = INTERPOLATION.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			assertThat(matcher.group(2)).as(matcher.group() + " needs a default for a fresh clone").isNotNull();
			matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(2)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/** The {@code ${...}} expression that supplies the password of a mongodb:// URI. */
	private static String passwordExpression(String uri) {
		Matcher matcher = Pattern.compile("mongodb://[^:]+:(\\$\\{[^}]+})@").matcher(uri);
		assertThat(matcher.find()).as(uri).isTrue();
		return matcher.group(1);
	}

}
