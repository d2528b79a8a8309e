package org.taskflow.testsupport;

import java.util.stream.Stream;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same servers as containers, for machines with a Docker engine (Ryuk removes them
 * afterwards).
 */
final class ContainerInfrastructure implements TestInfrastructure {

	private static final int REDIS_PORT = 6379;

	private static final int SMTP_PORT = 3025;

	private static final int IMAP_PORT = 3143;

	private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	/** Like the embedded broker: no topic is created on first use. */
	private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
		.withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

	private final GenericContainer<?> redis = new GenericContainer<>("redis:7.4-alpine").withExposedPorts(REDIS_PORT);

	private final GenericContainer<?> smtp = new GenericContainer<>("greenmail/standalone:2.1.5").withEnv(
			"GREENMAIL_OPTS",
			"-Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled")
		.withExposedPorts(SMTP_PORT, IMAP_PORT);

	private ContainerInfrastructure() {
		Startables.deepStart(Stream.of(this.mongo, this.kafka, this.redis, this.smtp)).join();
	}

	static TestInfrastructure start() {
		return new ContainerInfrastructure();
	}

	@Override
	public String mongoUri() {
		return "mongodb://" + this.mongo.getHost() + ":" + this.mongo.getMappedPort(27017);
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String redisHost() {
		return this.redis.getHost();
	}

	@Override
	public int redisPort() {
		return this.redis.getMappedPort(REDIS_PORT);
	}

	@Override
	public String smtpHost() {
		return this.smtp.getHost();
	}

	@Override
	public int smtpPort() {
		return this.smtp.getMappedPort(SMTP_PORT);
	}

	@Override
	public int imapPort() {
		return this.smtp.getMappedPort(IMAP_PORT);
	}

	@Override
	public String description() {
		return "containers: " + this.mongo.getDockerImageName() + ", " + this.kafka.getDockerImageName() + ", "
				+ this.redis.getDockerImageName() + ", " + this.smtp.getDockerImageName();
	}

}
