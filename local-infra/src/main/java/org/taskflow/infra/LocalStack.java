package org.taskflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The whole suite on this machine without Docker: embedded MongoDB (durable), Redis,
 * Kafka and SMTP, then the five services, each in its own JVM, waiting until every
 * service is ready.
 *
 * <p>
 * Two ways to place it. {@code ./run-local} uses the fixed ports of docs/contracts.md and
 * keeps data in {@code <home>/.local}. {@link #withFreePorts} puts everything on free
 * ports, in its own working folder, with a fresh data folder, so that tests run beside a
 * local stack; its accessors say where things are, and the methods that kill, stop and
 * start a service or a piece of infrastructure drive fault scenarios. Either way every
 * service gets its addresses as command-line properties ({@link ServiceArguments}).
 *
 * <p>
 * A service can run as several replicas ({@link Builder#replicas}), as the chart runs
 * them: each its own JVM on a port of its own, on the same MongoDB, Kafka and Redis. The
 * gateway and the other services call the first replica (in Kubernetes the Service
 * spreads the calls); {@link #serviceUrl(Service, int)} reaches each one directly.
 *
 * <p>
 * Command line:
 * {@code java -jar local-infra.jar [home] [--otel[=endpoint]] [--free-ports] [--work-dir=
 *
<dir>
 * ] [--ready-file=<file>] [--set=<service>:<property>=<value>]... [--replicas=<service>:<n>]...}.
 * With {@code --ready-file}, the addresses are written there as JSON once every service
 * is ready; SIGTERM (or Ctrl-C) stops everything.
 */
public final class LocalStack implements AutoCloseable {

	/** The services, in start order. */
	public enum Service {

		AUTH("auth-service", 9000), USER("user-service", 8081), TASK("task-service", 8082),
		NOTIFICATION("notification-service", 8083), GATEWAY("gateway", 8080);

		private final String serviceName;

		private final int defaultPort;

		Service(String serviceName, int defaultPort) {
			this.serviceName = serviceName;
			this.defaultPort = defaultPort;
		}

		public String serviceName() {
			return this.serviceName;
		}

		int defaultPort() {
			return this.defaultPort;
		}

		Path jar(Path home) {
			return home.resolve(this.serviceName).resolve("target").resolve(this.serviceName + ".jar");
		}

		static Service named(String name) {
			return Stream.of(values())
				.filter((service) -> service.serviceName.equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no service named " + name + "; one of "
						+ Stream.of(values()).map(Service::serviceName).toList()));
		}

	}

	/** The infrastructure pieces a fault scenario can take away and bring back. */
	public enum Infrastructure {

		MONGODB, REDIS, KAFKA, SMTP

	}

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-Xss512k",
			"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
			"-Dspring.output.ansi.enabled=never");

	private final Path home;

	private final Path data;

	private final Path logs;

	/**
	 * Copies of the services' jars, which the suite runs: a build rewrites
	 * {@code target/*.jar} in place, and a JVM whose jar changed under it stops
	 * answering.
	 */
	private final Path jars;

	private final Path pids;

	private final SuitePorts ports;

	/** A suite on free ports is throw-away: its data is wiped at start and at close. */
	private final boolean ephemeral;

	/** The agent every service JVM gets, or null for none. */
	private final @Nullable OpenTelemetryAgent telemetry;

	/** Extra command-line properties per service, after the suite's own (so they win). */
	private final Map<Service, List<String>> extraArguments;

	private final Map<Instance, JavaProcess> services = new ConcurrentHashMap<>();

	/** Processes stopped or killed on purpose: their exit is not news. */
	private final Set<JavaProcess> expectedExits = ConcurrentHashMap.newKeySet();

	private @Nullable EmbeddedMongo mongo;

	private @Nullable EmbeddedRedis redis;

	private @Nullable EmbeddedSmtp smtp;

	private @Nullable KafkaBroker kafka;

	private volatile boolean stopping;

	private LocalStack(Builder builder) {
		this.home = builder.home.toAbsolutePath().normalize();
		Path workDir = builder.workDir.toAbsolutePath().normalize();
		this.data = workDir.resolve("data");
		this.logs = workDir.resolve("logs");
		this.pids = workDir.resolve("run/children.pids");
		this.jars = workDir.resolve("run/jars");
		SuitePorts ports = builder.freePorts ? SuitePorts.free() : SuitePorts.defaults();
		for (Map.Entry<Service, Integer> replicas : builder.replicas.entrySet()) {
			ports = ports.withReplicas(replicas.getKey(), replicas.getValue());
		}
		this.ports = ports;
		this.ephemeral = builder.freePorts;
		this.telemetry = builder.telemetry;
		this.extraArguments = Map.copyOf(builder.extraArguments);
	}

	/**
	 * The suite on the fixed ports, data in {@code <home>/.local}: {@code ./run-local}.
	 */
	public static Builder onDefaultPorts(Path home) {
		return new Builder(home, home.resolve(".local"), false);
	}

	/**
	 * The suite on free ports, with data and logs under {@code workDir} (data wiped at
	 * start and close, logs kept). {@code home} is the repository root whose
	 * {@code <service>/target/<service>.jar} are run.
	 */
	public static Builder withFreePorts(Path home, Path workDir) {
		return new Builder(home, workDir, true);
	}

	public static void main(String[] args) throws Exception {
		// Named so that it never shadows the logging setup of code that has this artifact
		// on its class path.
		System.setProperty("logback.configurationFile", "taskflow-launcher-logback.xml");
		CommandLine command;
		try {
			command = CommandLine.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		LocalStack stack = command.builder().build();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stack.close();
			stopped.countDown();
		}, "local-stack-shutdown"));
		try {
			stack.start();
			if (command.readyFile() != null) {
				stack.writeReadyFile(command.readyFile());
			}
		}
		catch (Exception ex) {
			System.err.println("\nTaskFlow did not start: " + ex.getMessage());
			System.exit(1);
		}
		stopped.await();
	}

	// --- where things are

	/**
	 * The public edge and the suite's public URL, e.g. {@code http://localhost:8080}: the
	 * token issuer and the browser origin every service is told (ServiceArguments), so an
	 * OIDC client that discovers the issuer here finds the same URL in the tokens.
	 */
	public URI gatewayUrl() {
		return URI.create(ServiceArguments.publicUrl(this.ports));
	}

	/** A service's own address (its first replica's). */
	public URI serviceUrl(Service service) {
		return serviceUrl(service, 0);
	}

	/** The address of one replica of a service, counted from 0. */
	public URI serviceUrl(Service service, int replica) {
		return URI.create("http://" + Loopback.HOST + ":" + this.ports.of(service, replica));
	}

	/** How many replicas of the service this suite runs. */
	public int replicas(Service service) {
		return this.ports.replicas(service);
	}

	/** Where a service answers probes and metrics ({@code /actuator}). */
	public URI managementUrl(Service service) {
		return URI.create("http://" + Loopback.HOST + ":" + this.ports.management(service));
	}

	/** The process of a service's first replica, e.g. to watch its memory. */
	public long pid(Service service) {
		JavaProcess process = this.services.get(new Instance(service, 0));
		if (process == null) {
			throw new IllegalStateException(service.serviceName() + " is not running");
		}
		return process.pid();
	}

	public String kafkaBootstrapServers() {
		return Loopback.HOST + ":" + this.ports.kafka();
	}

	public String mongoUri() {
		return "mongodb://" + Loopback.HOST + ":" + this.ports.mongo();
	}

	public int redisPort() {
		return this.ports.redis();
	}

	/** SMTP and IMAP listen here; IMAP takes any address as the user, any password. */
	public String mailHost() {
		return Loopback.HOST;
	}

	public int smtpPort() {
		return this.ports.smtp();
	}

	public int imapPort() {
		return this.ports.imap();
	}

	public Path logs() {
		return this.logs;
	}

	// --- the lifecycle

	/**
	 * Starts the infrastructure, then every service, and returns when each reports ready.
	 * On failure everything started so far is stopped.
	 */
	public LocalStack start() throws IOException, InterruptedException {
		long started = System.nanoTime();
		try {
			killLeftoversOfEarlierRun();
			requireFreePorts();
			if (this.ephemeral) {
				deleteRecursively(this.data);
			}
			Files.createDirectories(this.pids.getParent());
			copyJars();
			say("Starting infrastructure (data in %s)", this.data);
			for (Infrastructure piece : Infrastructure.values()) {
				start(piece);
			}
			say("  MongoDB %s, Redis %s:%d, Kafka %s, SMTP %s:%d (IMAP %d)", mongoUri(), Loopback.HOST, redisPort(),
					kafkaBootstrapServers(), mailHost(), smtpPort(), imapPort());
			for (Instance instance : instances()) {
				launch(instance);
			}
			say("Starting %d services (logs in %s)", Service.values().length, this.logs);
			if (this.telemetry != null) {
				say("  with the OpenTelemetry agent: traces to %s (OTLP/HTTP)", this.telemetry.endpoint());
			}
			for (Instance instance : instances()) {
				awaitReady(instance);
			}
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			close();
			throw ex;
		}
		say("""

				TaskFlow is up in %.1f s: %s
				  services: %s
				  resident memory of the stack: %d MiB
				  logs: %s
				  data: %s""", (System.nanoTime() - started) / 1e9, gatewayUrl(),
				instances().stream()
					.map((instance) -> instance.name() + " " + this.ports.of(instance.service(), instance.replica()))
					.collect(Collectors.joining(", ")),
				residentMemoryMiB(), this.logs, this.data);
		return this;
	}

	/** Stops every service (gracefully, in parallel), then the infrastructure. */
	@Override
	public synchronized void close() {
		if (this.stopping) {
			return;
		}
		this.stopping = true;
		// a start refused before anything ran (a taken port) stays one line
		boolean running = !this.services.isEmpty() || this.mongo != null || this.redis != null || this.kafka != null
				|| this.smtp != null;
		if (running) {
			say("Stopping TaskFlow...");
		}
		this.services.keySet().parallelStream().forEach(this::stop);
		for (Infrastructure piece : List.of(Infrastructure.values()).reversed()) {
			try {
				stop(piece);
			}
			catch (RuntimeException ex) {
				say("  could not stop %s cleanly: %s", piece, ex.getMessage());
			}
		}
		try {
			Files.deleteIfExists(this.pids);
			deleteRecursively(this.jars);
			if (this.ephemeral) {
				deleteRecursively(this.data);
			}
		}
		catch (IOException ex) {
			say("  could not clean up %s: %s", this.data, ex.getMessage());
		}
		if (running) {
			say("Stopped.");
		}
	}

	// --- faults: services

	/**
	 * SIGKILL, as a crash would: no shutdown hooks, no graceful drain. Every replica of
	 * the service.
	 */
	public void kill(Service service) {
		for (Instance instance : instances(service)) {
			JavaProcess process = this.services.remove(instance);
			if (process != null) {
				this.expectedExits.add(process);
				process.kill();
			}
		}
	}

	/**
	 * SIGTERM, then SIGKILL if the service has not stopped within 20 s. Every replica of
	 * the service.
	 */
	public void stop(Service service) {
		instances(service).parallelStream().forEach(this::stop);
	}

	private void stop(Instance instance) {
		JavaProcess process = this.services.remove(instance);
		if (process != null) {
			this.expectedExits.add(process);
			process.stop(STOP_GRACE);
		}
	}

	/**
	 * Starts a stopped or killed service (every replica) on its ports and waits until it
	 * is ready.
	 */
	public void start(Service service) throws IOException, InterruptedException {
		List<Instance> stopped = instances(service).stream()
			.filter((instance) -> !this.services.containsKey(instance))
			.toList();
		for (Instance instance : stopped) {
			launch(instance);
		}
		for (Instance instance : stopped) {
			awaitReady(instance);
		}
	}

	public void restart(Service service) throws IOException, InterruptedException {
		stop(service);
		start(service);
	}

	// --- faults: infrastructure

	/**
	 * Takes a piece of infrastructure away, keeping its data (SMTP and IMAP forget their
	 * mail). Kafka and Redis are processes and are stopped gracefully; see
	 * {@link #kill(Infrastructure)}.
	 */
	public synchronized void stop(Infrastructure piece) {
		switch (piece) {
			case MONGODB -> {
				if (this.mongo != null) {
					this.mongo.close();
					this.mongo = null;
				}
			}
			case REDIS -> {
				if (this.redis != null) {
					try {
						this.redis.close();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					this.redis = null;
				}
			}
			case KAFKA -> {
				if (this.kafka != null) {
					this.kafka.stop();
				}
			}
			case SMTP -> {
				if (this.smtp != null) {
					this.smtp.close();
					this.smtp = null;
				}
			}
		}
	}

	/**
	 * SIGKILL for Kafka; the in-process MongoDB and SMTP servers, and Redis, just stop
	 * (MongoDB commits every write before it answers, so a kill would lose nothing more).
	 */
	public synchronized void kill(Infrastructure piece) {
		if (piece == Infrastructure.KAFKA && this.kafka != null) {
			this.kafka.kill();
		}
		else {
			stop(piece);
		}
	}

	/** Brings a piece of infrastructure back on its port and data. */
	public synchronized void start(Infrastructure piece) throws IOException {
		switch (piece) {
			case MONGODB -> {
				if (this.mongo == null) {
					this.mongo = EmbeddedMongo.durable(this.data.resolve("mongo/taskflow.mv.db"), this.ports.mongo());
				}
			}
			case REDIS -> {
				if (this.redis == null) {
					this.redis = EmbeddedRedis.persistent(this.data.resolve("redis"), this.ports.redis());
				}
			}
			case KAFKA -> {
				if (this.kafka == null) {
					this.kafka = KafkaBroker.start(this.data.resolve("kafka"), this.ports.kafka(),
							this.logs.resolve("kafka.log"));
				}
				else {
					this.kafka.start();
				}
			}
			case SMTP -> {
				if (this.smtp == null) {
					this.smtp = EmbeddedSmtp.start(this.ports.smtp(), this.ports.imap());
				}
			}
		}
	}

	// --- internals

	/** Every replica of every service, in start order. */
	private List<Instance> instances() {
		return Stream.of(Service.values()).flatMap((service) -> instances(service).stream()).toList();
	}

	private List<Instance> instances(Service service) {
		return IntStream.range(0, this.ports.replicas(service))
			.mapToObj((replica) -> new Instance(service, replica))
			.toList();
	}

	private void launch(Instance instance) throws IOException {
		Service service = instance.service();
		List<String> jvmOptions = new ArrayList<>(SERVICE_JVM_OPTIONS);
		Map<String, String> environment = Map.of();
		if (this.telemetry != null) {
			jvmOptions.addAll(this.telemetry.jvmOptions(this.home, service.serviceName()));
			environment = this.telemetry.environment(service.serviceName());
		}
		Path jar = copyOfJar(service);
		List<String> mainArguments = new ArrayList<>(List.of("-jar", jar.toString()));
		mainArguments.addAll(arguments(service, instance.replica()));
		JavaProcess process = JavaProcess.start(instance.name(), jvmOptions, mainArguments, environment,
				this.logs.resolve(instance.name() + ".log"));
		process.onExit().thenRun(() -> {
			if (!this.stopping && !this.expectedExits.remove(process)) {
				say("%s exited unexpectedly; see %s", instance.name(), process.log());
			}
		});
		this.services.put(instance, process);
		recordChildren();
	}

	private void copyJars() throws IOException {
		Files.createDirectories(this.jars);
		for (Service service : Service.values()) {
			Path jar = service.jar(this.home);
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException("no " + jar + "; build the services first");
			}
			Files.copy(jar, copyOfJar(service), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private Path copyOfJar(Service service) {
		return this.jars.resolve(service.jar(this.home).getFileName());
	}

	/**
	 * A replica's command-line properties: the suite's, then any set for its service.
	 */
	List<String> arguments(Service service, int replica) {
		List<String> arguments = new ArrayList<>(ServiceArguments.of(service, replica, this.ports, this.data));
		arguments.addAll(this.extraArguments.getOrDefault(service, List.of()));
		return arguments;
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

	private void requireFreePorts() {
		this.ports.named().forEach((name, port) -> {
			if (Loopback.isListening(port)) {
				throw new PortTakenException(name, port, this.ephemeral);
			}
		});
	}

	private void awaitReady(Instance instance) throws IOException, InterruptedException {
		JavaProcess process = this.services.get(instance);
		Service service = instance.service();
		// the gateway keeps its probes on a management port; the other services answer on
		// each replica's own port
		URI management = (service == Service.GATEWAY) ? managementUrl(service)
				: serviceUrl(service, instance.replica());
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest request = HttpRequest.newBuilder(management.resolve("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(instance.name() + " exited during startup; see " + process.log());
			}
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					say("  %s ready on port %d", instance.name(), this.ports.of(service, instance.replica()));
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(
				instance.name() + " was not ready within " + READY_TIMEOUT + "; see " + process.log());
	}

	/**
	 * Where everything is, as JSON, written whole (a reader never sees half a file): for
	 * a process that started the launcher and waits for the file.
	 */
	void writeReadyFile(Path file) throws IOException {
		Map<String, Object> services = new LinkedHashMap<>();
		for (Instance instance : instances()) {
			services.put(instance.name(), serviceUrl(instance.service(), instance.replica()).toString());
		}
		Map<String, Object> ready = new LinkedHashMap<>();
		ready.put("gatewayUrl", gatewayUrl().toString());
		ready.put("services", services);
		ready.put("kafkaBootstrapServers", kafkaBootstrapServers());
		ready.put("mongoUri", mongoUri());
		ready.put("redisPort", redisPort());
		ready.put("mailHost", mailHost());
		ready.put("smtpPort", smtpPort());
		ready.put("imapPort", imapPort());
		ready.put("logs", this.logs.toString());
		ready.put("pid", ProcessHandle.current().pid());
		Path absolute = file.toAbsolutePath();
		Files.createDirectories(absolute.getParent());
		Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
		Files.writeString(partial, Json.write(ready) + "\n");
		Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void say(String format, Object... args) {
		System.out.println(format.formatted(args));
	}

	/** How to place and configure a suite before {@link #start()}. */
	public static final class Builder {

		private final Path home;

		private final Path workDir;

		private final boolean freePorts;

		private @Nullable OpenTelemetryAgent telemetry;

		private final Map<Service, List<String>> extraArguments = new EnumMap<>(Service.class);

		private final Map<Service, Integer> replicas = new EnumMap<>(Service.class);

		private Builder(Path home, Path workDir, boolean freePorts) {
			this.home = home;
			this.workDir = workDir;
			this.freePorts = freePorts;
		}

		/** Attaches the OpenTelemetry agent to every service. */
		public Builder telemetry(OpenTelemetryAgent telemetry) {
			this.telemetry = telemetry;
			return this;
		}

		/**
		 * Sets a property of one service on its command line (say a short token lifetime
		 * for a test); it wins over the suite's own. Set again, the last value replaces
		 * the earlier one: Spring would read a property given twice as both values joined
		 * by a comma.
		 */
		public Builder property(Service service, String name, String value) {
			List<String> arguments = this.extraArguments.computeIfAbsent(service, (key) -> new ArrayList<>());
			arguments.removeIf((argument) -> argument.startsWith("--" + name + "="));
			arguments.add("--" + name + "=" + value);
			return this;
		}

		/**
		 * Runs {@code count} replicas of a service instead of one, the first on the
		 * service's port, the others on free ports. Not the gateway: it is the one public
		 * edge.
		 */
		public Builder replicas(Service service, int count) {
			if (service == Service.GATEWAY || count < 1) {
				throw new IllegalArgumentException("replicas are for the services behind the gateway, at least 1; not "
						+ count + " of " + service);
			}
			this.replicas.put(service, count);
			return this;
		}

		public LocalStack build() {
			return new LocalStack(this);
		}

		/** Builds and {@linkplain LocalStack#start() starts} the suite. */
		public LocalStack start() throws IOException, InterruptedException {
			return build().start();
		}

	}

	/** One JVM of a service: its replica, counted from 0. */
	private record Instance(Service service, int replica) {

		/** {@code task-service}, then {@code task-service-2} and so on. */
		String name() {
			return (this.replica == 0) ? this.service.serviceName()
					: this.service.serviceName() + "-" + (this.replica + 1);
		}

	}

	/** One of the suite's ports is taken: said in one line, without a stack trace. */
	static final class PortTakenException extends IllegalStateException {

		PortTakenException(String name, int port, boolean freePorts) {
			super("port " + port + " (" + name + ") is already in use"
					+ (freePorts ? "; it was free a moment ago, try again"
							: "; stop what listens there (another TaskFlow stack, a local " + name
									+ "?), or run on free ports: ./run-local --free-ports"));
		}

	}

}
