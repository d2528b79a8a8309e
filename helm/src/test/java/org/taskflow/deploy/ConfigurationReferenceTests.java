package org.taskflow.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} is generated from the {@code @ConfigurationProperties}
 * metadata that each module's build writes (Spring Boot's configuration processor), with
 * the value each service's {@code application.yaml} ships. The committed file must be
 * what the code says today, and every property must say what it does. After changing a
 * properties class: {@code ./run-tests -pl helm -am -Dtaskflow.docs.update=true} rewrites
 * the file.
 */
class ConfigurationReferenceTests {

	private static final Path REFERENCE = Chart.REPOSITORY.resolve("docs/configuration.md");

	private static final List<String> SERVICES = List.of("gateway", "auth-service", "user-service", "task-service",
			"notification-service");

	private static final String METADATA = "target/classes/META-INF/spring-configuration-metadata.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theCommittedReferenceIsGeneratedFromTheCodeOfToday() throws IOException {
		String generated = render();
		if (Boolean.getBoolean("taskflow.docs.update")) {
			Files.writeString(REFERENCE, generated);
		}
		assertThat(Files.readString(REFERENCE))
			.as("docs/configuration.md is out of date: ./run-tests -pl helm -am -Dtaskflow.docs.update=true rewrites it")
			.isEqualTo(generated);
	}

	@Test
	void everyPropertySaysWhatItDoes() throws IOException {
		List<String> undocumented = new ArrayList<>();
		for (Path module : modules()) {
			properties(module).stream()
				.filter((property) -> property.path("description").asString("").isBlank())
				.forEach((property) -> undocumented
					.add(Chart.REPOSITORY.relativize(module) + ": " + property.get("name").asString()));
		}
		assertThat(undocumented).as("properties without a Javadoc comment on their field or record component")
			.isEmpty();
	}

	private static String render() throws IOException {
		StringBuilder markdown = new StringBuilder(
				"""
						# Configuration reference

						Every `taskflow.*` property of every module, generated from the `@ConfigurationProperties` metadata of the
						build by `helm/src/test/java/org/taskflow/deploy/ConfigurationReferenceTests.java` (do not edit by hand:
						`./run-tests -pl helm -am -Dtaskflow.docs.update=true` rewrites it). Set a property in the service's
						environment as the variable beside it (Spring Boot's relaxed binding), e.g. in the chart's `env` of that
						service or in `docker-compose.yml`. *Shipped* is the value in the service's `application.yaml`, where a
						`${VARIABLE:fallback}` names the variable the chart and compose set. Spring Boot's own properties
						(`spring.*`, `management.*`) are in Spring Boot's documentation; the ones TaskFlow sets are in each
						service's `application.yaml`.
						""");
		for (Path module : modules()) {
			List<JsonNode> properties = properties(module);
			if (properties.isEmpty()) {
				continue;
			}
			Map<String, String> shipped = shipped(module);
			markdown.append("\n## ")
				.append(Chart.REPOSITORY.relativize(module).toString().replace('\\', '/'))
				.append("\n\n| Property | Environment variable | Type | Shipped | Description |\n|---|---|---|---|---|\n");
			for (JsonNode property : properties) {
				String name = property.get("name").asString();
				String value = shipped.getOrDefault(name, property.path("defaultValue").asString(""));
				markdown.append("| `")
					.append(name)
					.append("` | `")
					.append(environmentVariable(name))
					.append("` | ")
					.append(type(property.path("type").asString("")))
					.append(" | ")
					.append(value.isEmpty() ? "" : "`" + cell(value) + "`")
					.append(" | ")
					.append(cell(description(property.path("description").asString(""))))
					.append(" |\n");
			}
		}
		return markdown.toString();
	}

	/**
	 * The services, then the shared support modules whose auto-configuration they get.
	 */
	private static List<Path> modules() throws IOException {
		List<Path> modules = new ArrayList<>();
		SERVICES.forEach((service) -> modules.add(Chart.REPOSITORY.resolve(service)));
		try (Stream<Path> support = Files.list(Chart.REPOSITORY.resolve("support"))) {
			support.filter((path) -> Files.exists(path.resolve("pom.xml"))).sorted().forEach(modules::add);
		}
		for (Path module : modules) {
			assertThat(module.resolve("target/classes")).as("build %s first: ./run-tests -pl helm -am", module)
				.isDirectory();
		}
		return modules;
	}

	private static List<JsonNode> properties(Path module) throws IOException {
		Path metadata = module.resolve(METADATA);
		if (!Files.exists(metadata)) {
			return List.of();
		}
		List<JsonNode> properties = new ArrayList<>();
		JSON.readTree(Files.readString(metadata)).path("properties").forEach((property) -> {
			if (property.get("name").asString().startsWith("taskflow.")) {
				properties.add(property);
			}
		});
		properties.sort((a, b) -> a.get("name").asString().compareTo(b.get("name").asString()));
		return properties;
	}

	/** The default profile's values of a service's application.yaml, by property name. */
	private static Map<String, String> shipped(Path module) throws IOException {
		Path yaml = module.resolve("src/main/resources/application.yaml");
		Map<String, String> values = new LinkedHashMap<>();
		if (Files.exists(yaml)) {
			flatten("", Yaml.loadAll(Files.readString(yaml)).getFirst(), values);
		}
		return values;
	}

	private static void flatten(String prefix, Object node, Map<String, String> values) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, values));
		}
		else if (node instanceof List<?> list) {
			values.put(prefix, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		else {
			values.put(prefix, String.valueOf(node));
		}
	}

	static String environmentVariable(String property) {
		return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
	}

	private static String type(String javaType) {
		return javaType.replaceAll("[a-z][\\w]*\\.", "").replace('$', '.').replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String description(String javadoc) {
		return javadoc.replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
			.replaceAll("\\{@link(?:plain)? ([^}]*)}", "`$1`")
			.replaceAll("\\s+", " ")
			.strip();
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}

}
