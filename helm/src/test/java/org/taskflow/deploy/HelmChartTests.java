package org.taskflow.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.taskflow.deploy.Chart.Manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart lints, and renders with its default values and with both example values files
 * into objects that hold the deployment rules: probes, limits, hardened containers, HPA
 * and PDB per service, pinned images.
 */
class HelmChartTests {

	static Stream<Named<Supplier<Manifests>>> renderings() {
		return Stream.of(Named.of("default values", Chart::defaults), Named.of("values-dev.yaml", Chart::dev),
				Named.of("values-production.yaml", Chart::production));
	}

	@Test
	void lintsWithoutWarningsInStrictMode() {
		LintResult result = new Helm(Chart.DIRECTORY).lint().strict().call();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages())
			.noneMatch((message) -> message.startsWith("[ERROR]") || message.startsWith("[WARNING]"));
	}

	@Test
	void lintsWithTheProductionValuesInStrictMode(@TempDir Path temporary) throws IOException {
		// helm-java's lint takes no values file: lint a copy whose values.yaml is what
		// `-f` would make of them.
		Path copy = Chart.copyTo(temporary.resolve("taskflow"));
		Map<String, Object> merged = Yaml.merge(Yaml.load(Chart.read(Chart.DIRECTORY.resolve("values.yaml"))),
				Yaml.load(Chart.read(Chart.PRODUCTION_VALUES)));
		Files.writeString(copy.resolve("values.yaml"), Yaml.dump(merged));
		assertThat(Chart.render(copy, (command) -> command).objects()).as("the copy renders as production does")
			.isEqualTo(Chart.production().objects());

		LintResult result = new Helm(copy).lint().strict().call();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages())
			.noneMatch((message) -> message.startsWith("[ERROR]") || message.startsWith("[WARNING]"));
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void rendersEveryObjectOfEveryService(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		for (String service : Contracts.SERVICES) {
			for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap",
					"HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy")) {
				assertThat(manifests.forService(kind, service)).as(kind + " of " + service).isNotEmpty();
			}
		}
		assertThat(manifests.ofKind("Deployment")).hasSize(Contracts.SERVICES.size());
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void everyContainerHasStartupLivenessAndReadinessProbesOnActuator(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		Contracts contracts = Contracts.read(Chart.REPOSITORY);
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			for (Map<String, Object> container : manifests.containers(deployment)) {
				String name = Yaml.string(container, "name");
				String probePort = (contracts.managementPort(name) != contracts.ports().get(name)) ? "management"
						: "http";
				assertThat(Yaml.string(container, "startupProbe.httpGet.path")).as(name)
					.isEqualTo("/actuator/health/liveness");
				assertThat(Yaml.string(container, "livenessProbe.httpGet.path")).as(name)
					.isEqualTo("/actuator/health/liveness");
				assertThat(Yaml.string(container, "readinessProbe.httpGet.path")).as(name)
					.isEqualTo("/actuator/health/readiness");
				for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
					assertThat(Yaml.string(container, probe + ".httpGet.port")).as(name + " " + probe)
						.isEqualTo(probePort);
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void everyContainerListensOnItsContractPortAndExposesIt(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		Contracts contracts = Contracts.read(Chart.REPOSITORY);
		for (String service : Contracts.SERVICES) {
			Map<String, Object> container = manifests.containers(manifests.forService("Deployment", service)).get(0);
			Object port = Yaml.mapsAt(container, "ports").get(0).get("containerPort");
			assertThat(port).as(service).isEqualTo(contracts.ports().get(service));
			Object servicePort = Yaml.mapsAt(manifests.forService("Service", service), "spec.ports").get(0).get("port");
			assertThat(servicePort).as(service).isEqualTo(contracts.ports().get(service));
		}
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void everyContainerHasResourceRequestsAndLimits(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			for (Map<String, Object> container : manifests.containers(deployment)) {
				String name = Yaml.string(container, "name");
				assertThat(Yaml.at(container, "resources.requests.cpu")).as(name).isNotNull();
				assertThat(Yaml.at(container, "resources.requests.memory")).as(name).isNotNull();
				assertThat(Yaml.string(container, "resources.limits.memory")).as(name).matches("\\d+(Mi|Gi)");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void everyPodRunsHardened(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			Map<String, Object> pod = Yaml.mapAt(deployment, "spec.template.spec");
			assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
			assertThat(Yaml.at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
			assertThat(Yaml.string(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
			for (Map<String, Object> container : manifests.containers(deployment)) {
				assertHardened(container);
				assertThat(Yaml.mapsAt(container, "volumeMounts"))
					.anySatisfy((mount) -> assertThat(mount).containsEntry("mountPath", "/tmp"));
			}
			assertThat(Yaml.mapsAt(pod, "volumes"))
				.anySatisfy((volume) -> assertThat(volume.get("emptyDir")).as("/tmp is an emptyDir").isNotNull());
		}
	}

	static void assertHardened(Map<String, Object> container) {
		Map<String, Object> context = Yaml.mapAt(container, "securityContext");
		String name = Yaml.string(container, "name");
		assertThat(context.get("runAsNonRoot")).as(name).isEqualTo(true);
		assertThat(context.get("readOnlyRootFilesystem")).as(name).isEqualTo(true);
		assertThat(context.get("allowPrivilegeEscalation")).as(name).isEqualTo(false);
		assertThat(Yaml.listAt(context, "capabilities.drop")).as(name).containsExactly("ALL");
		assertThat(Yaml.listAt(context, "capabilities.add")).as(name).isEmpty();
		assertThat(Yaml.string(context, "seccompProfile.type")).as(name).isEqualTo("RuntimeDefault");
		assertThat(context.get("privileged")).as(name).isNotEqualTo(true);
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void everyServiceScalesAutomaticallyAndSurvivesDisruptions(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		for (String service : Contracts.SERVICES) {
			Map<String, Object> deployment = manifests.forService("Deployment", service);
			Map<String, Object> hpa = manifests.forService("HorizontalPodAutoscaler", service);
			assertThat(Yaml.string(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
			assertThat(Yaml.string(hpa, "spec.scaleTargetRef.name"))
				.isEqualTo(Yaml.string(deployment, "metadata.name"));
			assertThat((Integer) Yaml.at(hpa, "spec.maxReplicas"))
				.isGreaterThanOrEqualTo((Integer) Yaml.at(hpa, "spec.minReplicas"));
			assertThat(Yaml.at(deployment, "spec.replicas")).as("the HPA owns the replica count of " + service)
				.isNull();

			Map<String, Object> pdb = manifests.forService("PodDisruptionBudget", service);
			assertThat(Yaml.mapAt(pdb, "spec.selector.matchLabels"))
				.isEqualTo(Yaml.mapAt(deployment, "spec.selector.matchLabels"));
			assertThat(Yaml.at(pdb, "spec.maxUnavailable")).as(service).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void everyImageIsPinnedToARelease(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			for (Map<String, Object> container : manifests.containers(deployment)) {
				String image = Yaml.string(container, "image");
				String tag = image.substring(image.lastIndexOf(':') + 1);
				assertThat(image).as("image with a tag").matches(".+/[a-z-]+:[^/]+");
				assertThat(tag).isNotEqualTo("latest");
				assertThat(image).endsWith("/" + Yaml.string(container, "name") + ":" + tag);
			}
		}
	}

	@Test
	void imageTagsDefaultToTheChartAppVersion() {
		Manifests manifests = Chart.defaults();
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			assertThat(Yaml.string(manifests.containers(deployment).get(0), "image"))
				.endsWith(":" + Chart.appVersion());
		}
	}

	@Test
	void refusesTheLatestTag() {
		assertThatThrownBy(() -> new Helm(Chart.DIRECTORY).template().set("image.tag", "latest").call())
			.hasMessageContaining("image");
	}

	@Test
	void refusesValuesThatWouldWeakenTheContainers() {
		assertThatThrownBy(
				() -> new Helm(Chart.DIRECTORY).template().set("securityContext.readOnlyRootFilesystem", false).call())
			.hasMessageContaining("readOnlyRootFilesystem");
		assertThatThrownBy(() -> new Helm(Chart.DIRECTORY).template()
			.set("serviceDefaults.resources.limits.memory", "640m")
			.call()).hasMessageContaining("memory");
	}

	@Test
	void scrapeAnnotationsPointPrometheusAtActuator() {
		Manifests manifests = Chart.defaults();
		Contracts contracts = Contracts.read(Chart.REPOSITORY);
		for (String service : Contracts.SERVICES) {
			Map<String, Object> annotations = Yaml.mapAt(manifests.forService("Deployment", service),
					"spec.template.metadata.annotations");
			assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/path", "/actuator/prometheus")
				.containsEntry("prometheus.io/port", String.valueOf(contracts.managementPort(service)));
		}
		assertThat(manifests.ofKind("ServiceMonitor")).as("off by default").isEmpty();
		assertThat(Chart.production().ofKind("ServiceMonitor")).hasSize(Contracts.SERVICES.size())
			.allSatisfy((monitor) -> assertThat(Yaml.string(Yaml.mapsAt(monitor, "spec.endpoints").get(0), "path"))
				.isEqualTo("/actuator/prometheus"));
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void gatewayKeepsProbesAndMetricsOffThePortTheIngressReaches(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		Map<String, Object> container = manifests.containers(manifests.forService("Deployment", "gateway")).get(0);
		assertThat(Yaml.mapsAt(container, "ports"))
			.extracting((port) -> port.get("name"), (port) -> port.get("containerPort"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("http", 8080),
					org.assertj.core.groups.Tuple.tuple("management", 9080));
		assertThat(Yaml.mapsAt(container, "env"))
			.anySatisfy((env) -> assertThat(env).containsEntry("name", "MANAGEMENT_SERVER_PORT")
				.containsEntry("value", "9080"));
		assertThat(Yaml.mapsAt(manifests.forService("Service", "gateway"), "spec.ports"))
			.extracting((port) -> port.get("name"))
			.containsExactly("http", "management");
		for (Map<String, Object> monitor : manifests.ofKind("ServiceMonitor")) {
			String expected = Yaml.string(monitor, "metadata.name").equals("taskflow-gateway") ? "management" : "http";
			assertThat(Yaml.string(Yaml.mapsAt(monitor, "spec.endpoints").get(0), "port")).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void ingressSendsEverythingToTheGateway(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		Map<String, Object> ingress = manifests.forService("Ingress", "gateway");
		List<Map<String, Object>> paths = Yaml.mapsAt(Yaml.mapsAt(ingress, "spec.rules").get(0), "http.paths");
		assertThat(paths).singleElement().satisfies((path) -> {
			assertThat(path).containsEntry("path", "/").containsEntry("pathType", "Prefix");
			assertThat(Yaml.string(path, "backend.service.name")).isEqualTo("taskflow-gateway");
			assertThat(Yaml.string(path, "backend.service.port.name")).isEqualTo("http");
		});
	}

	@Test
	void productionIngressTerminatesTls() {
		Map<String, Object> ingress = Chart.production().forService("Ingress", "gateway");
		assertThat(Yaml.mapsAt(ingress, "spec.tls")).singleElement()
			.satisfies((tls) -> assertThat(tls).containsEntry("secretName", "taskflow-example-com-tls"));
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void configurationUsesTheContractNames(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		Contracts contracts = Contracts.read(Chart.REPOSITORY);
		List<String> unknown = new ArrayList<>();
		for (Map<String, Object> object : manifests.objects()) {
			String kind = (String) object.get("kind");
			if ("ConfigMap".equals(kind) || "Secret".equals(kind)) {
				Map<String, Object> data = "Secret".equals(kind) ? Yaml.mapAt(object, "stringData")
						: Yaml.mapAt(object, "data");
				data.keySet()
					.stream()
					.filter(Contracts::isApplicationSetting)
					.filter((name) -> !contracts.defines(name))
					.filter((name) -> !name.startsWith("SPRING_MAIL_PROPERTIES_"))
					.forEach((name) -> unknown.add(Yaml.string(object, "metadata.name") + ": " + name));
			}
		}
		assertThat(unknown).as("names docs/contracts.md does not define").isEmpty();
	}

	@Test
	void wiresEveryServiceToItsDependencies() {
		Manifests manifests = Chart.dev();
		for (Map.Entry<String, java.util.Set<String>> required : Contracts.required().entrySet()) {
			String service = required.getKey();
			java.util.Set<String> given = new java.util.HashSet<>(
					Yaml.mapAt(manifests.forService("ConfigMap", service), "data").keySet());
			given.addAll(Yaml.mapAt(manifests.forService("Secret", service), "stringData").keySet());
			if ("auth-service".equals(service)) {
				assertThat(Yaml.mapAt(manifests.forService("ConfigMap", service), "data"))
					.containsEntry("TASKFLOW_AUTH_KEYS_DIRECTORY", "/etc/taskflow/keys")
					.containsEntry("TASKFLOW_AUTH_KEYS_ACTIVE", "dev-1")
					.containsEntry("TASKFLOW_AUTH_KEYS_GENERATEIFMISSING", "false");
			}
			assertThat(given).as(service).containsAll(required.getValue());
		}
		Map<String, Object> gateway = Yaml.mapAt(manifests.forService("ConfigMap", "gateway"), "data");
		assertThat(gateway).containsEntry("TASKFLOW_SERVICES_AUTH", "http://taskflow-auth-service:9000")
			.containsEntry("TASKFLOW_SERVICES_NOTIFICATION", "http://taskflow-notification-service:8083")
			.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
			.containsEntry("OTEL_JAVAAGENT_ENABLED", "true");
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void gatewayBelievesTheIngressControllersForwardedForHop(Supplier<Manifests> rendering) {
		// without it every client looks like the ingress controller and the whole world
		// shares one rate-limit budget
		assertThat(data(rendering.get(), "gateway")).containsEntry("TASKFLOW_GATEWAY_RATELIMIT_TRUSTEDPROXYHOPS", "1");
	}

	@Test
	void gatewayBelievesNoForwardedForHopWithoutTheIngress() {
		Manifests manifests = Chart.render(Chart.DIRECTORY,
				(command) -> command.set("ingress.enabled", false).set("ingress.trustedProxyHops", 2));
		assertThat(data(manifests, "gateway")).containsEntry("TASKFLOW_GATEWAY_RATELIMIT_TRUSTEDPROXYHOPS", "0");
	}

	@Test
	void onePublicUrlIsTheIssuerAndTheBrowserOriginOfEveryService() {
		Manifests dev = Chart.dev();
		for (String service : Contracts.SERVICES) {
			assertThat(data(dev, service)).as(service)
				.containsEntry("TASKFLOW_SECURITY_ISSUER", "http://taskflow.localtest.me");
		}
		String devOrigins = "http://taskflow.localtest.me,http://localhost:5173";
		assertThat(data(dev, "gateway")).containsEntry("TASKFLOW_GATEWAY_EDGE_CORS_ALLOWEDORIGINS", devOrigins);
		assertThat(data(dev, "auth-service")).containsEntry("TASKFLOW_AUTH_ALLOWEDORIGINS", devOrigins);

		Manifests production = Chart.production();
		assertThat(data(production, "gateway")).containsEntry("TASKFLOW_GATEWAY_EDGE_CORS_ALLOWEDORIGINS",
				"https://taskflow.example.com");
		assertThat(data(production, "auth-service")).containsEntry("TASKFLOW_AUTH_ALLOWEDORIGINS",
				"https://taskflow.example.com");
	}

	@Test
	void refusesAPublicUrlWithAPath() {
		assertThatThrownBy(() -> Chart.render(Chart.DIRECTORY,
				(command) -> command.set("publicUrl", "https://example.com/taskflow")))
			.hasMessageContaining("publicUrl");
	}

	private static Map<String, Object> data(Manifests manifests, String service) {
		return Yaml.mapAt(manifests.forService("ConfigMap", service), "data");
	}

	@Test
	void productionReferencesSecretsAndNeverInlinesThem() {
		Manifests manifests = Chart.production();
		assertThat(manifests.ofKind("Secret")).as("the chart creates no Secret in production").isEmpty();
		for (String service : Contracts.SERVICES) {
			Map<String, Object> deployment = manifests.forService("Deployment", service);
			Map<String, Object> container = manifests.containers(deployment).get(0);
			assertThat(Yaml.mapsAt(container, "envFrom"))
				.anySatisfy((source) -> assertThat(Yaml.string(source, "secretRef.name"))
					.isEqualTo("taskflow-" + service + "-credentials"));
			assertThat(Yaml.mapsAt(container, "env"))
				.allSatisfy((variable) -> assertThat(variable.get("name")).asString()
					.doesNotContainIgnoringCase("password")
					.doesNotContainIgnoringCase("secret")
					.doesNotContainIgnoringCase("uri"));
			assertThat(Yaml.mapAt(manifests.forService("ConfigMap", service), "data").keySet())
				.noneMatch((name) -> name.contains("PASSWORD") || name.contains("SECRET") || name.endsWith("_URI")
						|| name.contains("USERNAME"));
		}
		Map<String, Object> auth = manifests.forService("Deployment", "auth-service");
		assertThat(Yaml.mapsAt(auth, "spec.template.spec.volumes")).anySatisfy(
				(volume) -> assertThat(Yaml.string(volume, "secret.secretName")).isEqualTo("taskflow-signing-keys"));
		assertThat(Chart.read(Chart.PRODUCTION_VALUES)).doesNotContain("secretEnv").doesNotContain("BEGIN PRIVATE KEY");
	}

	@Test
	void developmentSecretsLiveInSecretsNotConfigMaps() {
		Manifests manifests = Chart.dev();
		Map<String, Object> secret = manifests.forService("Secret", "task-service");
		assertThat(Yaml.mapAt(secret, "stringData")).containsKeys("SPRING_MONGODB_URI", "TASKFLOW_CLIENT_SECRET");
		Map<String, Object> container = manifests.containers(manifests.forService("Deployment", "task-service")).get(0);
		assertThat(Yaml.mapsAt(container, "envFrom")).anySatisfy(
				(source) -> assertThat(Yaml.string(source, "secretRef.name")).isEqualTo("taskflow-task-service"));
	}

	@Test
	void helmTestPodAsksTheGatewayWhetherItIsReady(@TempDir Path temporary) throws IOException {
		Path template = Chart.DIRECTORY.resolve("templates/tests/test-gateway.yaml");
		assertThat(Chart.read(template)).contains("helm.sh/hook: test");
		// `helm template` leaves hooks out of its output: render a copy in which the test
		// is a plain object.
		Path copy = Chart.copyTo(temporary.resolve("taskflow"));
		Path copiedTemplate = copy.resolve("templates/tests/test-gateway.yaml");
		Files.writeString(copiedTemplate,
				Chart.read(copiedTemplate).replace("helm.sh/hook: test", "taskflow.io/was-hook: test"));
		Manifests manifests = Chart.render(copy, (command) -> command);

		Map<String, Object> pod = manifests.get("Pod", "taskflow-gateway-test");
		Map<String, Object> container = manifests.containers(pod).get(0);
		assertHardened(container);
		assertThat(Yaml.string(container, "image")).endsWith("/gateway:" + Chart.appVersion());
		assertThat(Yaml.mapsAt(container, "env"))
			.anySatisfy((variable) -> assertThat(variable).containsEntry("name", "GATEWAY_HOST")
				.containsEntry("value", "taskflow-gateway"))
			.anySatisfy((variable) -> assertThat(variable).containsEntry("name", "GATEWAY_PORT")
				.containsEntry("value", "9080"));
		assertThat(String.join("\n", Yaml.listAt(container, "args").stream().map(Object::toString).toList()))
			.contains("/actuator/health/readiness")
			.contains("200");
		assertThat(Yaml.at(container, "resources.limits.memory")).isNotNull();
	}

}
