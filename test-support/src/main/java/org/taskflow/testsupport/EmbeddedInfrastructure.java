package org.taskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.taskflow.infra.EmbeddedMongo;
import org.taskflow.infra.EmbeddedRedis;
import org.taskflow.infra.EmbeddedSmtp;
import org.taskflow.infra.KafkaBroker;
import org.taskflow.infra.Loopback;

/** The embedded servers of {@code local-infra}, ephemeral, on free ports. */
final class EmbeddedInfrastructure implements TestInfrastructure {

	private final EmbeddedMongo mongo;

	private final KafkaBroker kafka;

	private final EmbeddedRedis redis;

	private final EmbeddedSmtp smtp;

	private EmbeddedInfrastructure() throws IOException {
		Path dir = Files.createTempDirectory("taskflow-test-infra");
		this.mongo = EmbeddedMongo.inMemory(0);
		this.redis = EmbeddedRedis.ephemeral(Loopback.freePort());
		this.smtp = EmbeddedSmtp.start(Loopback.freePort(), Loopback.freePort());
		this.kafka = KafkaBroker.start(dir.resolve("kafka"), Loopback.freePort(), dir.resolve("kafka.log"));
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-infrastructure-shutdown"));
	}

	static TestInfrastructure start() {
		try {
			return new EmbeddedInfrastructure();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void stop() {
		this.kafka.close();
		this.smtp.close();
		this.mongo.close();
		try {
			this.redis.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; the redis child is force-stopped by its own hook
		}
	}

	@Override
	public String mongoUri() {
		return this.mongo.connectionString();
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	@Override
	public String redisHost() {
		return this.redis.host();
	}

	@Override
	public int redisPort() {
		return this.redis.port();
	}

	@Override
	public String smtpHost() {
		return this.smtp.host();
	}

	@Override
	public int smtpPort() {
		return this.smtp.smtpPort();
	}

	@Override
	public int imapPort() {
		return this.smtp.imapPort();
	}

	@Override
	public boolean canRestartKafka() {
		return true;
	}

	@Override
	public void stopKafka() {
		this.kafka.stop();
	}

	@Override
	public void startKafka() {
		try {
			this.kafka.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String description() {
		return "embedded servers (no Docker engine): mongo-java-server " + mongoUri() + ", Kafka KRaft "
				+ kafkaBootstrapServers() + ", redis-server " + redisHost() + ":" + redisPort() + ", GreenMail SMTP "
				+ smtpPort();
	}

}
