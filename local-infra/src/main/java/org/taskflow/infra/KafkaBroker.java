package org.taskflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node)
 * running in a child JVM from the {@code kafka_2.13} artifact. Its data directory
 * survives {@link #stop()} and {@link #start()}, so a test can take the broker away and
 * bring it back on the same address, and the local stack keeps its topics across
 * restarts. Like a production cluster should be, it creates no topic on first use: the
 * services declare the topics they own (support-events' {@code DeclaredTopics}).
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final Path dataDir;

	private final Path log;

	private final int port;

	private final int controllerPort;

	private @Nullable JavaProcess process;

	private KafkaBroker(Path dataDir, Path log, int port, int controllerPort) {
		this.dataDir = dataDir.toAbsolutePath();
		this.log = log;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/**
	 * Starts a broker listening on {@code port} (and a controller on a free port), waits
	 * until it answers, and returns it.
	 */
	public static KafkaBroker start(Path dataDir, int port, Path log) throws IOException {
		KafkaBroker broker = new KafkaBroker(dataDir, log, port, Loopback.freePort());
		broker.start();
		return broker;
	}

	public String bootstrapServers() {
		return Loopback.HOST + ":" + this.port;
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Starts the broker on its address and data, if it is not running, and waits until it
	 * answers.
	 */
	public synchronized void start() throws IOException {
		if (isRunning()) {
			return;
		}
		Path config = writeConfig();
		this.process = JavaProcess.start("kafka",
				List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
						"-Dlogback.configurationFile=taskflow-kafka-logback.xml"),
				List.of("-cp", JavaProcess.currentClassPath(), KafkaMain.class.getName(),
						Long.toString(ProcessHandle.current().pid()), config.toString()),
				this.log);
		awaitReady();
	}

	/** Stops the broker gracefully, keeping its data. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop(Duration.ofSeconds(30));
			this.process = null;
		}
	}

	/** SIGKILL, as a crash would; the data stays for {@link #start()}. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
			this.process = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	private Path writeConfig() throws IOException {
		Files.createDirectories(this.dataDir);
		Path config = this.dataDir.resolve("server.properties");
		String properties = """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@%1$s:%3$d
				listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
				advertised.listeners=PLAINTEXT://%1$s:%2$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				log.dirs=%4$s
				num.partitions=3
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=5
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=false
				""".formatted(Loopback.HOST, this.port, this.controllerPort, this.dataDir.resolve("logs"));
		Files.writeString(config, properties);
		return config;
	}

	private void awaitReady() throws IOException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				2000);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException("Kafka exited during startup; see " + this.log);
			}
			if (Loopback.isListening(this.port)) {
				try (Admin admin = Admin.create(config)) {
					admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
					return;
				}
				catch (Exception ex) {
					// not serving metadata yet
				}
			}
			sleep();
		}
		stop();
		throw new UncheckedIOException(new IOException("Kafka did not start within " + STARTUP_TIMEOUT));
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
