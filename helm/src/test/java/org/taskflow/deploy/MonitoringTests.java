package org.taskflow.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.taskflow.deploy.Chart.Manifests;

import org.taskflow.testsupport.MonitoredMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards and alerts as code: every dashboard is strict JSON a Grafana sidecar can
 * load, every alert says how urgent it is and where to start, and the chart ships both
 * only when asked (production does).
 */
class MonitoringTests {

	private static final Path RULES = Chart.DIRECTORY.resolve("alerts/taskflow.rules.yaml");

	@Test
	void everyDashboardIsStrictJsonWithUniquePanelIdsAndTheTwoVariables() {
		List<Path> files = MonitoredMetrics.dashboardFiles(Chart.DIRECTORY);
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("taskflow-jvm.json", "taskflow-overview.json");
		Set<String> uids = new HashSet<>();
		for (Path file : files) {
			JsonNode dashboard = MonitoredMetrics.parseDashboard(Chart.read(file));
			String name = file.getFileName().toString();
			assertThat(uids.add(dashboard.path("uid").asString())).as(name + ": a uid of its own").isTrue();
			assertThat(dashboard.path("title").asString()).as(name).startsWith("TaskFlow / ");

			List<Integer> ids = new ArrayList<>();
			for (JsonNode panel : panels(dashboard)) {
				ids.add(panel.path("id").asInt());
				assertThat(panel.path("title").asString()).as(name + " panel " + panel.path("id")).isNotBlank();
				for (JsonNode target : panel.path("targets")) {
					assertThat(target.path("expr").asString()).as(name + ": " + panel.path("title")).isNotBlank();
					assertThat(target.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
				}
				if (!"row".equals(panel.path("type").asString())) {
					assertThat(panel.path("targets")).as(name + ": " + panel.path("title")).isNotEmpty();
					assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
				}
			}
			assertThat(ids).as(name + " panel ids").doesNotHaveDuplicates().doesNotContain(0);

			List<String> variables = new ArrayList<>();
			dashboard.path("templating")
				.path("list")
				.forEach((variable) -> variables.add(variable.path("name").asString()));
			assertThat(variables).as(name).containsExactly("datasource", "application");
		}
	}

	@Test
	void everyAlertHasForSeveritySummaryDescriptionAndRunbook() {
		List<Map<String, Object>> rules = rules(Yaml.load(Chart.read(RULES)));
		assertThat(rules).isNotEmpty();
		for (Map<String, Object> rule : rules) {
			String alert = Yaml.string(rule, "alert");
			assertThat(alert).as("only alerting rules, each named").matches("TaskFlow[A-Za-z]+");
			assertThat(Yaml.string(rule, "expr")).as(alert).isNotBlank();
			assertThat(Yaml.string(rule, "for")).as(alert).matches("\\d+[smh]");
			assertThat(Yaml.string(rule, "labels.severity")).as(alert).isIn("critical", "warning");
			assertThat(Yaml.string(rule, "annotations.summary")).as(alert).isNotBlank();
			assertThat(Yaml.string(rule, "annotations.description")).as(alert).isNotBlank();
			assertThat(Yaml.string(rule, "annotations.runbook")).as(alert).startsWith("docs/operations.md#");
		}
		assertThat(rules).extracting((rule) -> Yaml.string(rule, "alert"))
			.doesNotHaveDuplicates()
			.contains("TaskFlowHighErrorRatio", "TaskFlowServiceSlow", "TaskFlowGatewayRouteSlow",
					"TaskFlowConsumerLagHigh", "TaskFlowCircuitBreakerOpen", "TaskFlowRateLimitFallback",
					"TaskFlowTargetDown", "TaskFlowDeadLetters", "TaskFlowOutboxStuck", "TaskFlowEmailQueueStuck",
					"TaskFlowEmailFailing");
	}

	@Test
	void rendersNoMonitoringObjectsByDefault() {
		Manifests manifests = Chart.defaults();
		assertThat(manifests.ofKind("PrometheusRule")).isEmpty();
		assertThat(manifests.ofKind("ConfigMap"))
			.noneMatch((map) -> Yaml.mapAt(map, "metadata.labels").containsKey("grafana_dashboard"));
	}

	@Test
	void rendersAConfigMapPerDashboardForTheGrafanaSidecar() {
		Manifests manifests = Chart.production();
		for (Path file : MonitoredMetrics.dashboardFiles(Chart.DIRECTORY)) {
			String key = file.getFileName().toString();
			Map<String, Object> map = manifests.get("ConfigMap",
					"taskflow-dashboard-" + key.replace("taskflow-", "").replace(".json", ""));
			assertThat(Yaml.mapAt(map, "metadata.labels")).containsEntry("grafana_dashboard", "1")
				.containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
				.containsEntry("app.kubernetes.io/part-of", "taskflow");
			assertThat(Yaml.mapAt(map, "data")).containsOnlyKeys(key);
			assertThat(MonitoredMetrics.parseDashboard((String) Yaml.mapAt(map, "data").get(key)))
				.as("the file, unchanged")
				.isEqualTo(MonitoredMetrics.parseDashboard(Chart.read(file)));
		}
	}

	@Test
	void dashboardLabelsAndAnnotationsComeFromTheValues() {
		Manifests manifests = Chart.render(Chart.DIRECTORY,
				(command) -> command.set("metrics.grafanaDashboards.enabled", true)
					.set("metrics.grafanaDashboards.labels.team", "platform")
					.set("metrics.grafanaDashboards.annotations.grafana_folder", "TaskFlow"));
		Map<String, Object> map = manifests.get("ConfigMap", "taskflow-dashboard-overview");
		assertThat(Yaml.mapAt(map, "metadata.labels")).containsEntry("grafana_dashboard", "1")
			.containsEntry("team", "platform");
		assertThat(Yaml.mapAt(map, "metadata.annotations")).containsEntry("grafana_folder", "TaskFlow");
	}

	@Test
	void rendersThePrometheusRuleFromTheRulesFile() {
		Map<String, Object> rule = Chart.production().get("PrometheusRule", "taskflow");
		assertThat(rule).containsEntry("apiVersion", "monitoring.coreos.com/v1");
		assertThat(Yaml.mapAt(rule, "metadata.labels")).as("what kube-prometheus-stack's ruleSelector matches")
			.containsEntry("release", "kube-prometheus-stack")
			.containsEntry("app.kubernetes.io/instance", Chart.RELEASE);
		assertThat(Yaml.mapAt(rule, "spec")).as("the groups of alerts/taskflow.rules.yaml")
			.isEqualTo(Yaml.load(Chart.read(RULES)));
	}

	/** Every panel, rows' collapsed panels included. */
	private static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		}
		return panels;
	}

	private static List<Map<String, Object>> rules(Map<String, Object> file) {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Map<String, Object> group : Yaml.mapsAt(file, "groups")) {
			assertThat(Yaml.string(group, "name")).startsWith("taskflow.");
			rules.addAll(Yaml.mapsAt(group, "rules"));
		}
		return rules;
	}

}
