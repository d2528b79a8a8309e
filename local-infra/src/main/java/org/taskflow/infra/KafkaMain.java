package org.taskflow.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Entry point of the Kafka child process:
 * {@code KafkaMain <parent pid> <server.properties>}. Formats the KRaft storage on first
 * use, exits when its parent exits (so a killed test run or launcher leaves no broker
 * behind), then runs the broker.
 */
final class KafkaMain {

	private static final String CLUSTER_ID = "taskflow-local-kafka";

	private KafkaMain() {
	}

	public static void main(String[] args) throws Exception {
		long parentPid = Long.parseLong(args[0]);
		String config = args[1];
		ProcessHandle.of(parentPid)
			.ifPresentOrElse(parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));

		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(Path.of(config))) {
			properties.load(reader);
		}
		if (!Files.exists(Path.of(properties.getProperty("log.dirs"), "meta.properties"))) {
			// Cluster ids are 16 bytes in URL-safe base64; a fixed one keeps restarts on
			// the same data.
			String clusterId = java.util.Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(CLUSTER_ID.substring(0, 16).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			int exit = StorageTool
				.execute(new String[] { "format", "--ignore-formatted", "-t", clusterId, "-c", config }, System.out);
			if (exit != 0) {
				System.exit(exit);
			}
		}
		Kafka.main(new String[] { config });
	}

}
