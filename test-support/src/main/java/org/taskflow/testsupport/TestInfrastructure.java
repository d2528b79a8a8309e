package org.taskflow.testsupport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * MongoDB, Kafka, Redis and SMTP for one test JVM, started on first use and stopped when
 * the JVM exits. Everything listens on free ports, so tests never clash with a local
 * stack that is up.
 */
public interface TestInfrastructure {

	/** {@code mongodb://host:port} without a database; each service names its own. */
	String mongoUri();

	String kafkaBootstrapServers();

	String redisHost();

	int redisPort();

	String smtpHost();

	int smtpPort();

	int imapPort();

	/** A short description for the test log. */
	String description();

	/**
	 * Whether {@link #stopKafka()} and {@link #startKafka()} are available: the embedded
	 * broker comes back on the same address with its data; a container would come back on
	 * another port, which running services could not find.
	 */
	default boolean canRestartKafka() {
		return false;
	}

	/** Stops Kafka, keeping its data, to test behaviour while it is down. */
	default void stopKafka() {
		throw new UnsupportedOperationException("Kafka cannot be restarted on " + description());
	}

	/** Starts Kafka again on the same address and waits until it answers. */
	default void startKafka() {
		throw new UnsupportedOperationException("Kafka cannot be restarted on " + description());
	}

	/**
	 * Declares topics that a test publishes to in place of the service that owns them:
	 * the broker creates no topic on first use. Topics that exist stay as they are.
	 */
	default void declareTopics(String... topics) {
		declareTopicsOn(kafkaBootstrapServers(), topics);
	}

	/** {@link #declareTopics(String...)} on a broker of a test's own. */
	static void declareTopicsOn(String bootstrapServers, String... topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			for (String topic : topics) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
						.all()
						.get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException("Topic " + topic + " not declared", ex);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not declare " + List.of(topics) + " in time", ex);
		}
	}

	/** Spring properties that point a service at this infrastructure. */
	default Map<String, Object> springProperties() {
		return Map.of("spring.mongodb.uri", mongoUri(), "spring.kafka.bootstrap-servers", kafkaBootstrapServers(),
				"spring.data.redis.host", redisHost(), "spring.data.redis.port", redisPort(), "spring.mail.host",
				smtpHost(), "spring.mail.port", smtpPort());
	}

	/** The infrastructure of this JVM. */
	static TestInfrastructure shared() {
		return Holder.INSTANCE;
	}

	final class Holder {

		private static final Logger logger = LoggerFactory.getLogger(TestInfrastructure.class);

		private static final TestInfrastructure INSTANCE = start();

		private Holder() {
		}

		private static TestInfrastructure start() {
			String choice = System.getenv().getOrDefault("TASKFLOW_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
			boolean containers = switch (choice) {
				case "containers" -> true;
				case "embedded" -> false;
				default -> DockerClientFactory.instance().isDockerAvailable();
			};
			TestInfrastructure infrastructure = containers ? ContainerInfrastructure.start()
					: EmbeddedInfrastructure.start();
			logger.info("TaskFlow test infrastructure ({}): {}", choice, infrastructure.description());
			return infrastructure;
		}

	}

}
