package org.taskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics TaskFlow's Grafana dashboards ({@code dashboards/*.json}) and alert rules
 * ({@code alerts/taskflow.rules.yaml}) read, so that a test against the running services
 * can prove each one is exported: a renamed meter would otherwise leave a panel blank and
 * an alert silent, with nothing failing.
 * <p>
 * Names are compared as families: {@code _bucket}, {@code _count}, {@code _sum} and
 * {@code _total} are dropped on both sides ({@link #family}), because a scrape in the
 * Prometheus text format and one in OpenMetrics name counters differently, and a timer's
 * {@code _count} and {@code _sum} come together. The one thing that would hide is a
 * missing histogram ({@code _bucket} series exist only where percentile histograms are
 * turned on), so {@link #missingFrom} checks those series by their full name.
 */
public final class MonitoredMetrics {

	/** Series Prometheus writes itself for every target: never in a service's scrape. */
	public static final Set<String> WRITTEN_BY_PROMETHEUS = Set.of("up", "scrape_duration_seconds",
			"scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS",
			"ALERTS_FOR_STATE");

	private static final Pattern SUFFIX = Pattern.compile("_(bucket|count|sum|total)$");

	private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*]");

	private static final Pattern LABEL_LISTS = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern GRAFANA_VARIABLES = Pattern.compile("\\$\\{?\\w+}?");

	// an identifier not followed by "(" (a function); possessive, so no shorter prefix of
	// a function name matches
	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan",
			"Inf", "NaN");

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*),[^,]*\\)\\s*$",
			Pattern.DOTALL);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private MonitoredMetrics() {
	}

	/**
	 * The families of the metrics that the chart in {@code chart} reads (see the class
	 * comment).
	 */
	public static Set<String> names(Path chart) {
		Set<String> families = new TreeSet<>();
		samples(chart).forEach((name) -> families.add(family(name)));
		return families;
	}

	/**
	 * The families read through their {@code _bucket} series: these need a percentile
	 * histogram.
	 */
	public static Set<String> histograms(Path chart) {
		Set<String> histograms = new TreeSet<>();
		samples(chart).stream()
			.filter((name) -> name.endsWith("_bucket"))
			.forEach((name) -> histograms.add(family(name)));
		return histograms;
	}

	/**
	 * What the dashboards and rules read that a scrape lacks: families that are not
	 * there, and {@code <family>_bucket} for histograms without buckets.
	 * @param scraped the sample names of a scrape (the text before {@code {} or the
	 * value)
	 */
	public static Set<String> missingFrom(Path chart, Collection<String> scraped) {
		Set<String> exported = new TreeSet<>();
		scraped.forEach((name) -> exported.add(family(name)));
		Set<String> missing = new TreeSet<>(names(chart));
		missing.removeAll(exported);
		for (String histogram : histograms(chart)) {
			if (!scraped.contains(histogram + "_bucket")) {
				missing.add(histogram + "_bucket");
			}
		}
		return missing;
	}

	/**
	 * The family of a sample name: without {@code _bucket}, {@code _count}, {@code _sum}
	 * or {@code _total}.
	 */
	public static String family(String sample) {
		return SUFFIX.matcher(sample).replaceFirst("");
	}

	/**
	 * Every sample name the dashboards and rules read, as written, without Prometheus's
	 * own series.
	 */
	static Set<String> samples(Path chart) {
		Set<String> names = new TreeSet<>();
		dashboardFiles(chart).forEach((file) -> names.addAll(inDashboard(read(file))));
		names.addAll(inRules(read(chart.resolve("alerts/taskflow.rules.yaml"))));
		names.removeAll(WRITTEN_BY_PROMETHEUS);
		return names;
	}

	public static List<Path> dashboardFiles(Path chart) {
		try (Stream<Path> files = Files.list(chart.resolve("dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A dashboard, parsed strictly: duplicate keys and trailing content are errors. */
	public static JsonNode parseDashboard(String json) {
		return JSON.readTree(json);
	}

	/** Metric names in the panels' queries and in the template variables' queries. */
	static Set<String> inDashboard(String json) {
		JsonNode dashboard = parseDashboard(json);
		Set<String> names = new TreeSet<>();
		for (JsonNode expr : dashboard.findValues("expr")) {
			names.addAll(inPromQl(expr.asString()));
		}
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			JsonNode query = variable.path("query");
			String text = query.isObject() ? query.path("query").asString() : query.asString();
			if ("query".equals(variable.path("type").asString()) && !text.isBlank()) {
				Matcher labelValues = LABEL_VALUES.matcher(text);
				names.addAll(inPromQl(labelValues.matches() ? labelValues.group(1) : text));
			}
		}
		return names;
	}

	/** Metric names in the {@code expr} of every rule of a Prometheus rule file. */
	@SuppressWarnings("unchecked")
	static Set<String> inRules(String yaml) {
		Set<String> names = new TreeSet<>();
		Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				names.addAll(inPromQl((String) rule.get("expr")));
			}
		}
		return names;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Metric names in a PromQL expression: what is left once strings, label matchers,
	 * ranges, label lists ({@code by (...)}), Grafana variables, functions and keywords
	 * are taken out. Enough for the expressions we write; not a PromQL parser.
	 */
	static Set<String> inPromQl(String expression) {
		String rest = QUOTED.matcher(expression).replaceAll(" ");
		rest = MATCHERS.matcher(rest).replaceAll(" ");
		rest = RANGES.matcher(rest).replaceAll(" ");
		rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
		rest = GRAFANA_VARIABLES.matcher(rest).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			if (!KEYWORDS.contains(identifier.group())) {
				names.add(identifier.group());
			}
		}
		return names;
	}

}
