package org.taskflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names in docs/contracts.md that deployments must use: service ports and the
 * environment variables derived, by Spring's relaxed binding, from the configuration
 * table's property column. Read from the document itself so that a renamed property fails
 * these tests instead of silently being ignored by a service.
 */
record Contracts(Map<String, Integer> ports, Map<String, Integer> managementPorts, Set<String> environmentNames,
		List<Pattern> environmentPatterns) {

	static final List<String> SERVICES = List.of("gateway", "auth-service", "user-service", "task-service",
			"notification-service");

	private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

	private static final Pattern PORT = Pattern.compile("([a-z]+(?:-service)?) (\\d{4})");

	static Contracts read(Path repositoryRoot) {
		Path document = repositoryRoot.resolve("docs/contracts.md");
		List<String> lines;
		try {
			lines = Files.readAllLines(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("docs/contracts.md is the source of the names deployments use", ex);
		}
		return new Contracts(ports(lines, "gateway "), ports(lines, "Management ports"), new LinkedHashSet<>(),
				new java.util.ArrayList<>())
			.withEnvironment(lines);
	}

	/**
	 * Where a service answers probes and metrics: its own port unless the contract names
	 * another.
	 */
	int managementPort(String service) {
		return this.managementPorts.getOrDefault(service, this.ports.get(service));
	}

	private static Map<String, Integer> ports(List<String> lines, String prefix) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		lines.stream().filter((line) -> line.startsWith(prefix)).findFirst().ifPresent((line) -> {
			Matcher matcher = PORT.matcher(line);
			while (matcher.find()) {
				ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
			}
		});
		return ports;
	}

	private Contracts withEnvironment(List<String> lines) {
		boolean inTable = false;
		for (String line : lines) {
			if (line.startsWith("| what | property | env |")) {
				inTable = true;
				continue;
			}
			if (inTable && !line.startsWith("|")) {
				break;
			}
			if (!inTable || line.startsWith("|---")) {
				continue;
			}
			String[] cells = line.split("\\|");
			Matcher property = BACKTICKED.matcher(cells[2]);
			while (property.find()) {
				addProperty(property.group(1).trim());
			}
		}
		return this;
	}

	/** {@code spring.data.redis.host/port/password} names three properties. */
	private void addProperty(String property) {
		int lastDot = property.lastIndexOf('.');
		String prefix = property.substring(0, lastDot + 1);
		for (String last : property.substring(lastDot + 1).split("/")) {
			String name = relaxed(prefix + last);
			if (name.contains("<")) {
				this.environmentPatterns.add(Pattern.compile(name.replaceAll("<[A-Z]+>", "[A-Z]+")));
			}
			else {
				this.environmentNames.add(name);
			}
		}
	}

	/** Spring Boot's rule for binding a property from an environment variable. */
	static String relaxed(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(java.util.Locale.ROOT);
	}

	boolean defines(String environmentName) {
		return this.environmentNames.contains(environmentName)
				|| this.environmentPatterns.stream().anyMatch((pattern) -> pattern.matcher(environmentName).matches());
	}

	/**
	 * Names that belong to TaskFlow's own or Spring's configuration, as opposed to the
	 * JVM's or the agent's.
	 */
	static boolean isApplicationSetting(String environmentName) {
		return environmentName.startsWith("SPRING_") || environmentName.startsWith("TASKFLOW_");
	}

	/**
	 * What each service must be given, from the "used by" column of the same table.
	 * Written out here because that column is prose; every name is checked against the
	 * document by {@link #defines}.
	 */
	static Map<String, Set<String>> required() {
		Set<String> mongo = Set.of("SPRING_MONGODB_URI", "SPRING_MONGODB_DATABASE", "SPRING_KAFKA_BOOTSTRAPSERVERS");
		Set<String> redis = Set.of("SPRING_DATA_REDIS_HOST", "SPRING_DATA_REDIS_PORT");
		Map<String, Set<String>> required = new LinkedHashMap<>();
		required.put("gateway", union(redis, Set.of("TASKFLOW_SECURITY_ISSUER", "TASKFLOW_SERVICES_AUTH",
				"TASKFLOW_SERVICES_USER", "TASKFLOW_SERVICES_TASK", "TASKFLOW_SERVICES_NOTIFICATION")));
		required
			.put("auth-service", union(mongo, redis, Set.of("TASKFLOW_SECURITY_ISSUER", "TASKFLOW_AUTH_KEYS_DIRECTORY",
					"TASKFLOW_AUTH_CLIENTS_TASKSERVICE_SECRET", "TASKFLOW_AUTH_CLIENTS_NOTIFICATIONSERVICE_SECRET")));
		required.put("user-service", union(mongo, Set.of("TASKFLOW_SECURITY_ISSUER", "TASKFLOW_SERVICES_AUTH")));
		required.put("task-service", union(mongo, Set.of("TASKFLOW_SECURITY_ISSUER", "TASKFLOW_SERVICES_AUTH",
				"TASKFLOW_SERVICES_USER", "TASKFLOW_CLIENT_SECRET")));
		required.put("notification-service", union(mongo, redis, Set.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
				"TASKFLOW_SECURITY_ISSUER", "TASKFLOW_SERVICES_AUTH", "TASKFLOW_CLIENT_SECRET")));
		return required;
	}

	/** Default database of each service that owns one. */
	static Map<String, String> databases() {
		return Map.of("auth-service", "taskflow-auth", "user-service", "taskflow-user", "task-service", "taskflow-task",
				"notification-service", "taskflow-notification");
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> union = new LinkedHashSet<>();
		for (Set<String> set : sets) {
			union.addAll(set);
		}
		return union;
	}

}
