package org.taskflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart in this module, rendered with the Helm that helm-java bundles (no download,
 * no cluster). Renders are cached per values file: each takes a few hundred milliseconds.
 */
final class Chart {

	static final Path DIRECTORY = Path.of("").toAbsolutePath();

	static final Path REPOSITORY = DIRECTORY.getParent();

	static final Path PRODUCTION_VALUES = DIRECTORY.resolve("examples/values-production.yaml");

	static final Path DEV_VALUES = DIRECTORY.resolve("examples/values-dev.yaml");

	static final String RELEASE = "taskflow";

	private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

	private Chart() {
	}

	static Manifests defaults() {
		return RENDERED.computeIfAbsent("defaults", (key) -> render(DIRECTORY, UnaryOperator.identity()));
	}

	static Manifests production() {
		return RENDERED.computeIfAbsent("production",
				(key) -> render(DIRECTORY, (command) -> command.withValuesFile(PRODUCTION_VALUES)));
	}

	static Manifests dev() {
		return RENDERED.computeIfAbsent("dev",
				(key) -> render(DIRECTORY, (command) -> command.withValuesFile(DEV_VALUES)));
	}

	static Manifests render(Path chart, UnaryOperator<TemplateCommand> options) {
		TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace("taskflow");
		return new Manifests(Yaml.loadAll(options.apply(command).call()));
	}

	static String appVersion() {
		return Yaml.string(Yaml.load(read(DIRECTORY.resolve("Chart.yaml"))), "appVersion");
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A copy of the chart (without the Maven module around it) in which a template can be
	 * changed.
	 */
	static Path copyTo(Path target) throws IOException {
		try (Stream<Path> files = Files.walk(DIRECTORY)) {
			for (Path source : files.toList()) {
				Path relative = DIRECTORY.relativize(source);
				if (relative.startsWith("src") || relative.startsWith("target")) {
					continue;
				}
				Path copy = target.resolve(relative.toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(source, copy);
				}
			}
		}
		return target;
	}

	/** Rendered objects with the few look-ups the tests need. */
	record Manifests(List<Map<String, Object>> objects) {

		List<Map<String, Object>> ofKind(String kind) {
			return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
		}

		Map<String, Object> get(String kind, String name) {
			return ofKind(kind).stream()
				.filter((object) -> name.equals(Yaml.string(object, "metadata.name")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " was rendered"));
		}

		/** The object of a kind that belongs to a service, by its component label. */
		Map<String, Object> forService(String kind, String service) {
			return get(kind, RELEASE + "-" + service);
		}

		List<Map<String, Object>> containers(Map<String, Object> workload) {
			String path = "Pod".equals(workload.get("kind")) ? "spec" : "spec.template.spec";
			return Yaml.mapsAt(workload, path + ".containers");
		}

	}

}
