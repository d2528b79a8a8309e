package org.taskflow.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole suite on this machine without Docker: embedded MongoDB (durable), Redis,
 * Kafka and SMTP, then the five services, each in its own JVM. Waits until every service
 * is ready, prints where things are, and stops everything on Ctrl-C. Data lives under
 * {@code <home>/.local/data} and survives restarts; logs under
 * {@code <home>/.local/logs}.
 *
 * <p>
 * Usage: {@code java -jar local-infra/target/local-infra.jar [home] [--otel[=endpoint]]}.
 * The services' default configuration already points at these ports, so nothing is passed
 * to them but JVM options, and with {@code --otel} the OpenTelemetry agent and its
 * settings ({@link OpenTelemetryAgent}).
 */
public final class LocalStack {

	static final int MONGO_PORT = 27017;

	static final int REDIS_PORT = 6379;

	static final int KAFKA_PORT = 9092;

	static final int SMTP_PORT = 2525;

	static final int IMAP_PORT = 2143;

	static final List<Service> SERVICES = List.of(new Service("auth-service", 9000), new Service("user-service", 8081),
			new Service("task-service", 8082), new Service("notification-service", 8083),
			new Service("gateway", 8080, 9080));

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

	private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-Xss512k",
			"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
			"-Dspring.output.ansi.enabled=never");

	private final Path home;

	private final Path data;

	private final Path logs;

	private final Path run;

	private final Path pids;

	/** The agent every service JVM gets, or null for none. */
	private final OpenTelemetryAgent telemetry;

	private final List<AutoCloseable> infrastructure = new ArrayList<>();

	private final List<JavaProcess> services = new ArrayList<>();

	private volatile boolean stopping;

	LocalStack(Path home, OpenTelemetryAgent telemetry) {
		this.home = home.toAbsolutePath().normalize();
		this.telemetry = telemetry;
		this.data = this.home.resolve(".local/data");
		this.logs = this.home.resolve(".local/logs");
		this.run = this.home.resolve(".local/run");
		this.pids = this.run.resolve("children.pids");
	}

	public static void main(String[] args) throws Exception {
		// Named so that it never shadows the logging setup of code that has this artifact
		// on its class path.
		System.setProperty("logback.configurationFile", "taskflow-launcher-logback.xml");
		Path home = Path.of(".");
		OpenTelemetryAgent telemetry = null;
		for (String arg : args) {
			if (arg.startsWith("--otel")) {
				telemetry = OpenTelemetryAgent.fromOption(arg);
			}
			else if (arg.startsWith("-")) {
				throw new IllegalArgumentException("unknown option " + arg + "; usage: [home] [--otel[=endpoint]]");
			}
			else {
				home = Path.of(arg);
			}
		}
		LocalStack stack = new LocalStack(home, telemetry);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stack.stop();
			stopped.countDown();
		}, "local-stack-shutdown"));
		try {
			stack.start();
		}
		catch (Exception ex) {
			System.err.println("\nTaskFlow did not start: " + ex.getMessage());
			System.exit(1);
		}
		stopped.await();
	}

	void start() throws Exception {
		long started = System.nanoTime();
		killLeftoversOfEarlierRun();
		requireFreePorts();
		Files.createDirectories(this.run);

		say("Starting infrastructure (data in %s)", this.data);
		this.infrastructure.add(EmbeddedMongo.durable(this.data.resolve("mongo/taskflow.mv.db"), MONGO_PORT));
		this.infrastructure.add(EmbeddedRedis.persistent(this.data.resolve("redis"), REDIS_PORT));
		this.infrastructure.add(EmbeddedSmtp.start(SMTP_PORT, IMAP_PORT));
		KafkaBroker kafka = KafkaBroker.start(this.data.resolve("kafka"), KAFKA_PORT, this.logs.resolve("kafka.log"));
		this.infrastructure.add(kafka);
		say("  MongoDB mongodb://127.0.0.1:%d, Redis 127.0.0.1:%d, Kafka %s, SMTP 127.0.0.1:%d (IMAP %d)", MONGO_PORT,
				REDIS_PORT, kafka.bootstrapServers(), SMTP_PORT, IMAP_PORT);

		for (Service service : SERVICES) {
			List<String> jvmOptions = new ArrayList<>(SERVICE_JVM_OPTIONS);
			Map<String, String> environment = Map.of();
			if (this.telemetry != null) {
				jvmOptions.addAll(this.telemetry.jvmOptions(this.home, service.name()));
				environment = this.telemetry.environment(service.name());
			}
			JavaProcess process = JavaProcess.start(service.name(), jvmOptions,
					List.of("-jar", service.jar(this.home).toString()), environment,
					this.logs.resolve(service.name() + ".log"));
			process.onExit().thenRun(() -> {
				if (!this.stopping) {
					say("%s exited unexpectedly; see %s", service.name(), process.log());
				}
			});
			this.services.add(process);
		}
		recordChildren();
		say("Starting %d services (logs in %s)", SERVICES.size(), this.logs);
		if (this.telemetry != null) {
			say("  with the OpenTelemetry agent: traces to %s (OTLP/HTTP)", this.telemetry.endpoint());
		}
		for (int i = 0; i < SERVICES.size(); i++) {
			awaitReady(SERVICES.get(i), this.services.get(i));
		}
		say("""

				TaskFlow is up in %.1f s: http://localhost:8080
				  services: gateway 8080, auth-service 9000, user-service 8081, task-service 8082, notification-service 8083
				  resident memory of the stack: %d MiB
				  logs: %s
				  data: %s
				Press Ctrl-C to stop.""",
				(System.nanoTime() - started) / 1e9, residentMemoryMiB(), this.logs, this.data);
	}

	void stop() {
		if (this.stopping) {
			return;
		}
		this.stopping = true;
		say("Stopping TaskFlow...");
		this.services.parallelStream().forEach((service) -> service.stop(Duration.ofSeconds(20)));
		for (AutoCloseable server : this.infrastructure.reversed()) {
			try {
				server.close();
			}
			catch (Exception ex) {
				say("  could not stop %s cleanly: %s", server.getClass().getSimpleName(), ex.getMessage());
			}
		}
		this.pids.toFile().delete();
		say("Stopped.");
	}

	/**
	 * Every process this launcher started, so that a later start can clean up after a
	 * SIGKILLed launcher.
	 */
	private void recordChildren() throws IOException {
		Files.write(this.pids, ProcessHandle.current().descendants().map(LocalStack::identity).toList());
	}

	/**
	 * A launcher killed with SIGKILL cannot stop what it started; the next start does. A
	 * process is identified by pid and start time, so a reused pid is never touched.
	 */
	private void killLeftoversOfEarlierRun() throws IOException {
		if (!Files.exists(this.pids)) {
			return;
		}
		List<String> recorded = Files.readAllLines(this.pids);
		ProcessHandle.allProcesses().filter((p) -> recorded.contains(identity(p))).forEach((p) -> {
			say("Stopping %s left over from an earlier run (pid %d)", p.info().command().orElse("a process"), p.pid());
			p.destroy();
			p.onExit().join();
		});
		Files.delete(this.pids);
	}

	private static String identity(ProcessHandle process) {
		return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
	}

	private static void requireFreePorts() {
		List<Integer> ports = new ArrayList<>(List.of(MONGO_PORT, REDIS_PORT, KAFKA_PORT, SMTP_PORT, IMAP_PORT));
		SERVICES.forEach((service) -> {
			ports.add(service.port());
			ports.add(service.managementPort());
		});
		List<Integer> busy = ports.stream().distinct().filter(Loopback::isListening).toList();
		if (!busy.isEmpty()) {
			throw new IllegalStateException("ports " + busy + " are in use; is another TaskFlow stack (or a local"
					+ " MongoDB, Redis or Kafka) running?");
		}
	}

	private void awaitReady(Service service, JavaProcess process) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + service.managementPort() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(service.name() + " exited during startup; see " + process.log());
			}
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					say("  %s ready on port %d", service.name(), service.port());
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(
				service.name() + " was not ready within " + READY_TIMEOUT + "; see " + process.log());
	}

	/**
	 * Resident memory of this launcher and everything it started, from /proc (0 where
	 * there is none).
	 */
	static long residentMemoryMiB() {
		return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
			.mapToLong(LocalStack::residentKiB)
			.sum() / 1024;
	}

	private static long residentKiB(ProcessHandle process) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
				.sum();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void say(String format, Object... args) {
		System.out.println(format.formatted(args));
	}

	/**
	 * A service and its ports; the management port (probes, metrics) is the service port
	 * unless the service keeps them apart, as the gateway does.
	 */
	record Service(String name, int port, int managementPort) {

		Service(String name, int port) {
			this(name, port, port);
		}

		Path jar(Path home) {
			return home.resolve(this.name).resolve("target").resolve(this.name + ".jar");
		}

	}

}
