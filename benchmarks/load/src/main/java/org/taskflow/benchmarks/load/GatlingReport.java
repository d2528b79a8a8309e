package org.taskflow.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one Gatling run, read from its report's {@code js/stats.json}: per group
 * (a step of the load), and per request inside it. Gatling's percentiles 1 to 4 are its
 * defaults, p50, p75, p95 and p99.
 */
final class GatlingReport {

	private final JsonNode root;

	private GatlingReport(JsonNode root) {
		this.root = root;
	}

	/** The report of the newest run in {@code resultsFolder}. */
	static GatlingReport newestIn(Path resultsFolder) throws IOException {
		try (Stream<Path> runs = Files.list(resultsFolder)) {
			Path newest = runs.filter(Files::isDirectory)
				.max(Comparator.comparing(GatlingReport::modified))
				.orElseThrow(() -> new IllegalStateException("no Gatling report in " + resultsFolder));
			return new GatlingReport(JsonMapper.builder().build().readTree(newest.resolve("js/stats.json").toFile()));
		}
	}

	/** The figures of a group's requests, and of each request in it. */
	Figures group(String name) {
		return contents(this.root).filter((node) -> name.equals(node.get("name").asString()))
			.findFirst()
			.map(Figures::of)
			.orElseThrow(() -> new IllegalStateException("no group " + name + " in the report"));
	}

	/** The figures of every request in a group. */
	List<Figures> requests(String group) {
		return contents(this.root).filter((node) -> group.equals(node.get("name").asString()))
			.flatMap(GatlingReport::contents)
			.map(Figures::of)
			.toList();
	}

	private static Stream<JsonNode> contents(JsonNode node) {
		JsonNode contents = node.get("contents");
		return (contents == null) ? Stream.empty() : contents.valueStream();
	}

	private static FileTime modified(Path path) {
		try {
			return Files.getLastModifiedTime(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
