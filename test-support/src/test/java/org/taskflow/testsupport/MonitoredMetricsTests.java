package org.taskflow.testsupport;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MonitoredMetrics} finds the metrics in our queries, and nothing else. */
class MonitoredMetricsTests {

	/** The chart beside this module, whose dashboards and rules are read. */
	private static final Path CHART = Path.of("..", "helm");

	@Test
	void findsMetricsButNotFunctionsLabelsStringsRangesOrGrafanaVariables() {
		assertThat(MonitoredMetrics.inPromQl("""
				histogram_quantile(0.95, sum by (application, le) (rate(http_server_requests_seconds_bucket{\
				application=~"$application", uri!~"/actuator.*|.*/stream"}[$__rate_interval])))"""))
			.containsExactly("http_server_requests_seconds_bucket");
		assertThat(MonitoredMetrics.inPromQl(
				"""
						(sum by (namespace, application) (rate(a_count{status=~"5.."}[5m])) / sum without (x) (rate(b_total[5m]))) > 0.05
						and on (application) c_seconds_max > 1e3 unless max_over_time(d{state="open"}[2m]) == bool 1"""))
			.containsExactly("a_count", "b_total", "c_seconds_max", "d");
		assertThat(MonitoredMetrics.inPromQl("up{job=~\"(.+-)?gateway\"} == 0")).containsExactly("up");
	}

	@Test
	void readsTheMetricOfALabelValuesVariable() {
		assertThat(MonitoredMetrics.inDashboard(
				"""
						{"panels": [{"id": 1, "targets": [{"expr": "sum(rate(x_total[1m]))"}]}],
						 "templating": {"list": [
						   {"name": "datasource", "type": "datasource", "query": "prometheus"},
						   {"name": "application", "type": "query", "query": {"query": "label_values(jvm_info{a=\\"b\\"}, application)"}}]}}
						"""))
			.containsExactly("jvm_info", "x_total");
	}

	@Test
	void namesAreFamiliesWhateverTheSuffix() {
		assertThat(MonitoredMetrics.family("http_server_requests_seconds_bucket"))
			.isEqualTo("http_server_requests_seconds");
		assertThat(MonitoredMetrics.family("http_server_requests_seconds_count"))
			.isEqualTo("http_server_requests_seconds");
		assertThat(MonitoredMetrics.family("lettuce_seconds_sum")).isEqualTo("lettuce_seconds");
		assertThat(MonitoredMetrics.family("taskflow_gateway_ratelimit_fallback_total"))
			.isEqualTo("taskflow_gateway_ratelimit_fallback");
		assertThat(MonitoredMetrics.family("jvm_gc_pause_seconds_max")).as("Micrometer's max is a gauge of its own")
			.isEqualTo("jvm_gc_pause_seconds_max");
		assertThat(MonitoredMetrics.family("process_cpu_usage")).isEqualTo("process_cpu_usage");
	}

	@Test
	void listsWhatTheChartsDashboardsAndRulesRead() {
		assertThat(MonitoredMetrics.names(CHART))
			.contains("http_server_requests_seconds", "spring_cloud_gateway_requests_seconds",
					"taskflow_gateway_ratelimit_fallback", "resilience4j_circuitbreaker_state",
					"kafka_consumer_fetch_manager_records_lag_max", "jvm_gc_pause_seconds_max", "process_cpu_usage")
			.as("Prometheus writes up itself")
			.doesNotContain("up")
			.allSatisfy((name) -> assertThat(name).matches("[a-z_:][a-z0-9_:]*"));
		assertThat(MonitoredMetrics.histograms(CHART)).containsExactlyInAnyOrder("http_server_requests_seconds",
				"spring_cloud_gateway_requests_seconds");
	}

	@Test
	void reportsMissingFamiliesAndHistogramsWithoutBuckets() {
		List<String> scrape = MonitoredMetrics.samples(CHART)
			.stream()
			.filter((name) -> !name.equals("lettuce_seconds_max"))
			.filter((name) -> !name.equals("spring_cloud_gateway_requests_seconds_bucket"))
			.map((name) -> name.replace("http_server_requests_seconds_bucket", "http_server_requests_seconds_count"))
			.toList();
		assertThat(MonitoredMetrics.missingFrom(CHART, scrape)).containsExactly("http_server_requests_seconds_bucket",
				"lettuce_seconds_max", "spring_cloud_gateway_requests_seconds_bucket");
		assertThat(MonitoredMetrics.missingFrom(CHART, MonitoredMetrics.samples(CHART))).isEmpty();
	}

}
