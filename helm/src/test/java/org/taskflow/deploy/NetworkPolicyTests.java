package org.taskflow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.taskflow.deploy.Chart.Manifests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered NetworkPolicies deny everything by default and allow only the paths of the
 * architecture: ingress controller to gateway, gateway to every service, user, task and
 * notification to auth-service, task to user; DNS and the configured external endpoints
 * out.
 */
class NetworkPolicyTests {

	/** Who may call whom inside the release (ARCHITECTURE.md). */
	static final Map<String, Set<String>> CALLS = Map.of("gateway",
			Set.of("auth-service", "user-service", "task-service", "notification-service"), "auth-service", Set.of(),
			"user-service", Set.of("auth-service"), "task-service", Set.of("auth-service", "user-service"),
			"notification-service", Set.of("auth-service"));

	/** External endpoints each service uses. */
	static final Map<String, Set<String>> USES = Map.of("gateway", Set.of("redis"), "auth-service",
			Set.of("mongodb", "kafka", "redis"), "user-service", Set.of("mongodb", "kafka"), "task-service",
			Set.of("mongodb", "kafka"), "notification-service", Set.of("mongodb", "kafka", "redis", "smtp"));

	static Stream<Named<Supplier<Manifests>>> renderings() {
		return HelmChartTests.renderings();
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void deniesEverythingByDefaultForEveryPodOfTheRelease(Supplier<Manifests> rendering) {
		Map<String, Object> deny = rendering.get().get("NetworkPolicy", "taskflow-default-deny");
		assertThat(Yaml.mapAt(deny, "spec.podSelector.matchLabels")).containsOnlyKeys("app.kubernetes.io/name",
				"app.kubernetes.io/instance");
		assertThat(Yaml.listAt(deny, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(Yaml.listAt(deny, "spec.ingress")).isEmpty();
		assertThat(Yaml.listAt(deny, "spec.egress")).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void servicesAcceptOnlyTheirCallersOnTheirOwnPort(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		Contracts contracts = Contracts.read(Chart.REPOSITORY);
		Map<String, Set<String>> expectedCallers = new TreeMap<>();
		CALLS.forEach((caller, callees) -> callees
			.forEach((callee) -> expectedCallers.computeIfAbsent(callee, (key) -> new TreeSet<>()).add(caller)));
		expectedCallers.computeIfAbsent("gateway", (key) -> new TreeSet<>()).addAll(Set.of("gateway-test"));

		for (String service : Contracts.SERVICES) {
			Map<String, Object> policy = policyOf(manifests, service);
			assertThat(Yaml.listAt(policy, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
			Set<String> callers = new TreeSet<>();
			for (Map<String, Object> rule : Yaml.mapsAt(policy, "spec.ingress")) {
				List<Map<String, Object>> peers = Yaml.mapsAt(rule, "from");
				// Prometheus and the helm test pod read actuator, the others call the API
				boolean operational = peers.stream()
					.anyMatch((peer) -> List.of("prometheus", "gateway-test").contains(peerName(peer)));
				int port = operational ? contracts.managementPort(service) : contracts.ports().get(service);
				assertThat(ports(rule)).as("ingress of " + service).containsExactly(port);
				assertThat(peers).as("an ingress rule without peers admits everyone").isNotEmpty();
				for (Map<String, Object> peer : peers) {
					assertThat(peer).doesNotContainKey("ipBlock");
					if (peer.containsKey("namespaceSelector")) {
						callers.add(ingressControllerOrPrometheus(peer));
					}
					else {
						callers.add(component(peer));
					}
				}
			}
			Set<String> expected = new TreeSet<>(expectedCallers.getOrDefault(service, Set.of()));
			if ("gateway".equals(service)) {
				expected.add("ingress-nginx");
			}
			// Only the production example lets Prometheus scrape across the default deny.
			if (manifests == Chart.production()) {
				expected.add("prometheus");
			}
			assertThat(callers).as("who may call " + service).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@MethodSource("renderings")
	void servicesCallOnlyWhatTheArchitectureSays(Supplier<Manifests> rendering) {
		Manifests manifests = rendering.get();
		Contracts contracts = Contracts.read(Chart.REPOSITORY);
		for (String service : Contracts.SERVICES) {
			Set<String> callees = new TreeSet<>();
			boolean dns = false;
			for (Map<String, Object> rule : Yaml.mapsAt(policyOf(manifests, service), "spec.egress")) {
				List<Map<String, Object>> peers = Yaml.mapsAt(rule, "to");
				assertThat(peers).as("an egress rule without peers reaches everything").isNotEmpty();
				assertThat(Yaml.listAt(rule, "ports")).as("an egress rule without ports reaches every port")
					.isNotEmpty();
				for (Map<String, Object> peer : peers) {
					if (isReleasePod(peer)) {
						String callee = component(peer);
						callees.add(callee);
						assertThat(ports(rule)).as(service + " -> " + callee)
							.containsExactly(contracts.ports().get(callee));
					}
					else if ("kube-dns".equals(Yaml.string(peer, "podSelector.matchLabels.k8s-app"))) {
						dns = true;
						assertThat(ports(rule)).containsOnly(53);
					}
				}
			}
			assertThat(dns).as(service + " resolves names").isTrue();
			assertThat(callees).as("whom " + service + " may call").isEqualTo(new TreeSet<>(CALLS.get(service)));
		}
	}

	@Test
	void externalEndpointsAreReachableOnlyAsConfiguredAndOnlyByTheirUsers() {
		Manifests manifests = Chart.production();
		Map<String, Set<Integer>> portsOf = Map.of("mongodb", Set.of(27017), "kafka", Set.of(9092), "redis",
				Set.of(6379), "smtp", Set.of(587));
		Map<String, String> cidrOf = Map.of("mongodb", "10.20.0.0/24", "kafka", "10.20.1.0/24", "redis", "10.20.2.0/28",
				"smtp", "198.51.100.0/24");
		for (String service : Contracts.SERVICES) {
			Set<String> reached = new TreeSet<>();
			List<String> cidrs = new ArrayList<>();
			boolean otlp = false;
			for (Map<String, Object> rule : Yaml.mapsAt(policyOf(manifests, service), "spec.egress")) {
				for (Map<String, Object> peer : Yaml.mapsAt(rule, "to")) {
					String cidr = Yaml.string(peer, "ipBlock.cidr");
					if (cidr != null) {
						cidrs.add(cidr);
						assertThat(cidr).as("no egress to the whole internet").isNotEqualTo("0.0.0.0/0");
						String endpoint = cidrOf.entrySet()
							.stream()
							.filter((entry) -> entry.getValue().equals(cidr))
							.map(Map.Entry::getKey)
							.findFirst()
							.orElseThrow(() -> new AssertionError(service + " may reach unconfigured " + cidr));
						reached.add(endpoint);
						assertThat(Set.copyOf(ports(rule))).as(service + " -> " + endpoint)
							.isEqualTo(portsOf.get(endpoint));
					}
					if ("observability"
						.equals(Yaml.mapAt(peer, "namespaceSelector.matchLabels").get("kubernetes.io/metadata.name"))) {
						otlp = true;
						assertThat(ports(rule)).containsExactly(4317);
					}
				}
			}
			assertThat(reached).as("external endpoints " + service + " reaches").isEqualTo(USES.get(service));
			assertThat(otlp).as(service + " exports telemetry").isTrue();
		}
	}

	@Test
	void helmTestPodMayReachOnlyTheGateway() {
		Map<String, Object> policy = Chart.defaults().get("NetworkPolicy", "taskflow-gateway-test");
		assertThat(Yaml.mapAt(policy, "spec.podSelector.matchLabels")).containsEntry("app.kubernetes.io/component",
				"gateway-test");
		assertThat(Yaml.listAt(policy, "spec.ingress")).isEmpty();
		Set<String> targets = new TreeSet<>();
		for (Map<String, Object> rule : Yaml.mapsAt(policy, "spec.egress")) {
			for (Map<String, Object> peer : Yaml.mapsAt(rule, "to")) {
				targets
					.add(isReleasePod(peer) ? component(peer) : Yaml.string(peer, "podSelector.matchLabels.k8s-app"));
			}
		}
		assertThat(targets).containsExactlyInAnyOrder("gateway", "kube-dns");
	}

	@Test
	void canBeTurnedOff() {
		Manifests manifests = Chart.render(Chart.DIRECTORY, (command) -> command.set("networkPolicy.enabled", false));
		assertThat(manifests.ofKind("NetworkPolicy")).isEmpty();
		assertThat(manifests.ofKind("Deployment")).hasSize(Contracts.SERVICES.size());
	}

	private static Map<String, Object> policyOf(Manifests manifests, String service) {
		Map<String, Object> policy = manifests.forService("NetworkPolicy", service);
		assertThat(Yaml.mapAt(policy, "spec.podSelector.matchLabels")).containsEntry("app.kubernetes.io/component",
				service);
		return policy;
	}

	private static boolean isReleasePod(Map<String, Object> peer) {
		return !peer.containsKey("namespaceSelector") && !peer.containsKey("ipBlock")
				&& Chart.RELEASE.equals(labels(peer).get("app.kubernetes.io/instance"));
	}

	private static String component(Map<String, Object> peer) {
		Map<String, Object> labels = labels(peer);
		assertThat(labels).containsEntry("app.kubernetes.io/name", "taskflow")
			.containsEntry("app.kubernetes.io/instance", Chart.RELEASE);
		return (String) labels.get("app.kubernetes.io/component");
	}

	private static String ingressControllerOrPrometheus(Map<String, Object> peer) {
		Object name = labels(peer).get("app.kubernetes.io/name");
		assertThat(name).as("a namespaced peer must also select pods").isNotNull();
		return name.toString();
	}

	private static Object peerName(Map<String, Object> peer) {
		Map<String, Object> labels = labels(peer);
		return labels.getOrDefault("app.kubernetes.io/component", labels.get("app.kubernetes.io/name"));
	}

	private static Map<String, Object> labels(Map<String, Object> peer) {
		return Yaml.map(Yaml.mapAt(peer, "podSelector").get("matchLabels"));
	}

	private static List<Integer> ports(Map<String, Object> rule) {
		return Yaml.mapsAt(rule, "ports").stream().map((port) -> (Integer) port.get("port")).toList();
	}

}
