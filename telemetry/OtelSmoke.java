import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.taskflow.infra.EmbeddedMongo;
import org.taskflow.infra.EmbeddedRedis;
import org.taskflow.infra.JavaProcess;
import org.taskflow.infra.KafkaBroker;
import org.taskflow.infra.Loopback;
import org.taskflow.infra.OpenTelemetryAgent;

/**
 * Runs auth-service with the OpenTelemetry agent, configured as {@code ./run-local --otel}
 * configures it, against an OTLP/HTTP receiver in this process, and checks that the span
 * of a sign-up request arrives and that the service's ECS JSON log carries its trace id.
 * Embedded MongoDB, Redis and Kafka run on free ports; everything started here is stopped
 * at the end, also on Ctrl-C.
 *
 * <p>
 * Run through {@code telemetry/otel-smoke}, which builds what is missing and puts the
 * launcher's jar on the class path.
 */
public class OtelSmoke {

	static final String SERVICE = "auth-service";

	static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	static final Duration SPAN_TIMEOUT = Duration.ofSeconds(30);

	/** The instrumentation scope of the agent's Micrometer bridge. */
	static final String MICROMETER_SCOPE = "io.opentelemetry.micrometer-1.5";

	private final List<AutoCloseable> started = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		System.setProperty("logback.configurationFile", "taskflow-launcher-logback.xml");
		Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
		OtelSmoke smoke = new OtelSmoke();
		Thread stopper = new Thread(smoke::stopAll, "otel-smoke-stop");
		Runtime.getRuntime().addShutdownHook(stopper);
		boolean passed;
		Path work = Files.createTempDirectory("taskflow-otel-smoke");
		try {
			passed = smoke.run(home, work);
		}
		finally {
			smoke.stopAll();
		}
		if (passed) {
			deleteRecursively(work);
		}
		else {
			System.out.println("Logs kept in " + work);
		}
		System.exit(passed ? 0 : 1);
	}

	boolean run(Path home, Path work) throws Exception {
		Path jar = home.resolve(SERVICE).resolve("target").resolve(SERVICE + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no " + jar + "; build it first");
		}
		OtlpReceiver receiver = OtlpReceiver.start();
		this.started.add(receiver);
		say("OTLP/HTTP receiver on %s", receiver.endpoint());

		EmbeddedMongo mongo = EmbeddedMongo.inMemory(Loopback.freePort());
		this.started.add(mongo);
		EmbeddedRedis redis = EmbeddedRedis.ephemeral(Loopback.freePort());
		this.started.add(redis);
		KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), Loopback.freePort(), work.resolve("kafka.log"));
		this.started.add(kafka);
		say("MongoDB %s, Redis %s:%d, Kafka %s", mongo.connectionString(), redis.host(), redis.port(),
				kafka.bootstrapServers());

		// Exactly what ./run-local --otel gives a service, plus the JSON console format that
		// the images run with, the local run's text format in a file, and a debug logger that
		// writes inside the request's span.
		OpenTelemetryAgent agent = new OpenTelemetryAgent(receiver.endpoint());
		Map<String, String> environment = new LinkedHashMap<>(agent.environment(SERVICE));
		environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
		// as the chart and compose run it: metrics over OTLP too, Micrometer's meters bridged
		environment.put("OTEL_METRICS_EXPORTER", "otlp");
		environment.put("OTEL_INSTRUMENTATION_MICROMETER_ENABLED", "true");
		environment.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
		List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
		jvmOptions.addAll(agent.jvmOptions(home, SERVICE));
		int port = Loopback.freePort();
		Path log = work.resolve(SERVICE + ".log");
		Path textLog = work.resolve(SERVICE + "-text.log");
		JavaProcess service = JavaProcess.start(SERVICE, jvmOptions,
				List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.mongodb.uri=" + mongo.connectionString(),
						"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
						"--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
						"--taskflow.security.issuer=http://localhost:" + port,
						"--taskflow.auth.keys.directory=" + work.resolve("keys"),
						"--logging.file.name=" + textLog,
						"--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG"),
				environment, log);
		this.started.add(() -> service.stop(Duration.ofSeconds(20)));
		say("Starting %s with %s on port %d (log %s)", SERVICE, String.join(" ", agent.jvmOptions(home, SERVICE)),
				port, log);

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long startedAt = System.nanoTime();
		awaitReady(http, port, service);
		say("%s ready in %.1f s", SERVICE, (System.nanoTime() - startedAt) / 1e9);

		String email = "smoke-" + UUID.randomUUID() + "@example.org";
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/signup"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"email":"%s","password":"a long smoke test passphrase","displayName":"Smoke"}""".formatted(email)))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		say("POST /api/auth/signup -> %d", response.statusCode());
		if (response.statusCode() != 201) {
			return fail("sign-up answered " + response.statusCode() + ": " + response.body());
		}

		Optional<Span> server = receiver.await((span) -> span.kind() == Span.SERVER
				&& SERVICE.equals(span.service()) && span.name().equals("POST /api/auth/signup"), SPAN_TIMEOUT);
		if (server.isEmpty()) {
			return fail("no SERVER span 'POST /api/auth/signup' from " + SERVICE + " within " + SPAN_TIMEOUT
					+ "; received " + receiver.requests() + " export requests: " + receiver.spans());
		}
		Span request = server.get();
		say("Span arrived: service.name=%s, %s span '%s', trace %s, span %s", request.service(),
				request.kindName(), request.name(), request.traceId(), request.spanId());
		receiver.spans()
			.stream()
			.filter((span) -> span.traceId().equals(request.traceId()) && span != request)
			.forEach((span) -> say("  same trace: %s span '%s' (%s)", span.kindName(), span.name(), span.scope()));

		// The outbox relay publishes UserRegistered on its own schedule: watch where that span lands.
		Optional<Span> publish = receiver.await((span) -> span.kind() == Span.PRODUCER, Duration.ofSeconds(10));
		publish.ifPresentOrElse((span) -> say("Kafka: %s span '%s' in trace %s (%s the sign-up's trace)",
				span.kindName(), span.name(), span.traceId(),
				span.traceId().equals(request.traceId()) ? "in" : "not in"),
				() -> say("Kafka: no PRODUCER span within 10 s"));

		String marker = "\"trace\":{\"id\":\"" + request.traceId() + "\"";
		Optional<String> logLine = awaitLine(log, (line) -> line.startsWith("{") && line.contains(marker),
				Duration.ofSeconds(5));
		if (logLine.isEmpty()) {
			return fail("no JSON log line with " + marker + " in " + log);
		}
		say("JSON log line (console, as in containers) with the same trace id:%n  %s", logLine.get());
		String correlation = "[" + request.traceId() + "-";
		Optional<String> textLine = awaitLine(textLog, (line) -> line.contains(correlation), Duration.ofSeconds(5));
		if (textLine.isEmpty()) {
			return fail("no text log line with " + correlation + " in " + textLog);
		}
		say("Text log line (as in ./run-local --otel) with the same trace id:%n  %s", textLine.get());
		// Spring Boot's own timer of the sign-up, which only the Micrometer bridge exports
		if (!receiver.awaitMetric(MICROMETER_SCOPE, "http.server.requests", Duration.ofSeconds(15))) {
			return fail("no Micrometer meter 'http.server.requests' over OTLP within 15 s; metrics received: "
					+ receiver.metrics());
		}
		say("Micrometer bridge: %d meters exported by scope %s, e.g. http.server.requests", receiver.metrics()
			.stream()
			.filter((metric) -> metric.startsWith(MICROMETER_SCOPE + "/"))
			.count(), MICROMETER_SCOPE);
		say("PASS: span '%s' from service %s arrived over OTLP/HTTP (%d export requests, %d spans); "
				+ "JSON and text log lines carry its trace id %s; Micrometer's meters arrive as OTLP metrics",
				request.name(), request.service(), receiver.requests(), receiver.spans().size(), request.traceId());
		return true;
	}

	private static void awaitReady(HttpClient http, int port, JavaProcess service) throws Exception {
		HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!service.isAlive()) {
				throw new IllegalStateException(SERVICE + " exited during startup; see " + service.log());
			}
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(SERVICE + " not ready within " + READY_TIMEOUT + "; see " + service.log());
	}

	private static Optional<String> awaitLine(Path log, Predicate<String> matching, Duration timeout)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		do {
			try (Stream<String> lines = Files.lines(log)) {
				Optional<String> line = lines.filter(matching).findFirst();
				if (line.isPresent()) {
					return line;
				}
			}
			Thread.sleep(200);
		}
		while (System.nanoTime() < deadline);
		return Optional.empty();
	}

	synchronized void stopAll() {
		for (AutoCloseable server : this.started.reversed()) {
			try {
				server.close();
			}
			catch (Exception ex) {
				say("could not stop %s: %s", server, ex.getMessage());
			}
		}
		this.started.clear();
	}

	private static boolean fail(String reason) {
		say("FAIL: %s", reason);
		return false;
	}

	private static void say(String format, Object... args) {
		System.out.println(format.formatted(args));
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	/** A span as the receiver decoded it; ids in lower-case hex, as W3C trace context writes them. */
	record Span(String service, String scope, String name, int kind, String traceId, String spanId,
			String parentSpanId) {

		static final int SERVER = 2;

		static final int PRODUCER = 4;

		private static final List<String> KINDS = List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER",
				"CONSUMER");

		String kindName() {
			return (this.kind >= 0 && this.kind < KINDS.size()) ? KINDS.get(this.kind) : "kind " + this.kind;
		}

		@Override
		public String toString() {
			return this.service + "/" + kindName() + " '" + this.name + "'";
		}

	}

	/**
	 * Accepts OTLP/HTTP exports (protobuf, what the agent sends by default) on a free
	 * loopback port and keeps the spans and the names of the metrics it finds; logs are
	 * acknowledged and dropped.
	 */
	static final class OtlpReceiver implements AutoCloseable {

		private final HttpServer server;

		private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

		private final AtomicInteger requests = new AtomicInteger();

		/** {@code <scope>/<metric name>} of every metric received. */
		private final Set<String> metrics = ConcurrentHashMap.newKeySet();

		private OtlpReceiver(HttpServer server) {
			this.server = server;
		}

		static OtlpReceiver start() throws IOException {
			HttpServer server = HttpServer.create(new InetSocketAddress(Loopback.HOST, 0), 0);
			OtlpReceiver receiver = new OtlpReceiver(server);
			server.createContext("/v1/traces", receiver::traces);
			server.createContext("/v1/metrics", receiver::metrics);
			server.createContext("/v1/logs", OtlpReceiver::acknowledge);
			server.start();
			return receiver;
		}

		URI endpoint() {
			return URI.create("http://" + Loopback.HOST + ":" + this.server.getAddress().getPort());
		}

		int requests() {
			return this.requests.get();
		}

		List<Span> spans() {
			return List.copyOf(this.spans);
		}

		Optional<Span> await(Predicate<Span> matching, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			do {
				Optional<Span> found = this.spans.stream().filter(matching).findFirst();
				if (found.isPresent()) {
					return found;
				}
				Thread.sleep(100);
			}
			while (System.nanoTime() < deadline);
			return Optional.empty();
		}

		private void traces(HttpExchange exchange) throws IOException {
			try (exchange) {
				byte[] body = body(exchange);
				this.requests.incrementAndGet();
				String type = exchange.getRequestHeaders().getFirst("Content-Type");
				if (!"application/x-protobuf".equals(type)) {
					exchange.sendResponseHeaders(415, -1);
					return;
				}
				this.spans.addAll(decodeTraces(body));
				respond(exchange);
			}
		}

		Set<String> metrics() {
			return new TreeSet<>(this.metrics);
		}

		boolean awaitMetric(String scope, String name, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			do {
				if (this.metrics.contains(scope + "/" + name)) {
					return true;
				}
				Thread.sleep(100);
			}
			while (System.nanoTime() < deadline);
			return false;
		}

		/**
		 * ExportMetricsServiceRequest (metrics/v1/metrics.proto): resource_metrics = 1 {
		 * scope_metrics = 2 { scope = 1 { name = 1 }, metrics = 2 { name = 1 } } }.
		 */
		private void metrics(HttpExchange exchange) throws IOException {
			try (exchange) {
				for (Protobuf resourceMetrics : new Protobuf(body(exchange)).messages(1)) {
					for (Protobuf scopeMetrics : resourceMetrics.messages(2)) {
						String scope = scopeMetrics.messages(1).stream().map((s) -> s.string(1)).findFirst().orElse("?");
						scopeMetrics.messages(2).forEach((metric) -> this.metrics.add(scope + "/" + metric.string(1)));
					}
				}
				respond(exchange);
			}
		}

		private static void acknowledge(HttpExchange exchange) throws IOException {
			try (exchange) {
				body(exchange);
				respond(exchange);
			}
		}

		private static byte[] body(HttpExchange exchange) throws IOException {
			InputStream in = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				in = new GZIPInputStream(in);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toByteArray();
		}

		/** An empty Export*ServiceResponse: everything accepted. */
		private static void respond(HttpExchange exchange) throws IOException {
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
		}

		/**
		 * ExportTraceServiceRequest (opentelemetry-proto, trace/v1/trace.proto): resource_spans
		 * = 1 { resource = 1 { attributes = 1 }, scope_spans = 2 { scope = 1 { name = 1 },
		 * spans = 2 { trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6 } } }.
		 */
		static List<Span> decodeTraces(byte[] body) {
			List<Span> result = new ArrayList<>();
			for (Protobuf resourceSpans : new Protobuf(body).messages(1)) {
				String service = resourceSpans.messages(1)
					.stream()
					.flatMap((resource) -> resource.messages(1).stream())
					.filter((attribute) -> attribute.string(1).equals("service.name"))
					.map((attribute) -> attribute.messages(2).getFirst().string(1))
					.findFirst()
					.orElse("?");
				for (Protobuf scopeSpans : resourceSpans.messages(2)) {
					String scope = scopeSpans.messages(1).stream().map((s) -> s.string(1)).findFirst().orElse("?");
					for (Protobuf span : scopeSpans.messages(2)) {
						result.add(new Span(service, scope, span.string(5), (int) span.varint(6), span.hex(1),
								span.hex(2), span.hex(4)));
					}
				}
			}
			return result;
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

		@Override
		public String toString() {
			return "OTLP receiver";
		}

	}

	/** Just enough of the protobuf wire format to read the fields above. */
	record Protobuf(byte[] bytes, int from, int to) {

		Protobuf(byte[] bytes) {
			this(bytes, 0, bytes.length);
		}

		/** Every length-delimited occurrence of {@code field}, as a message. */
		List<Protobuf> messages(int field) {
			List<Protobuf> found = new ArrayList<>();
			each((number, value) -> {
				if (number == field && value instanceof Protobuf message) {
					found.add(message);
				}
			});
			return found;
		}

		String string(int field) {
			return messages(field).stream()
				.map((m) -> new String(m.bytes, m.from, m.to - m.from, StandardCharsets.UTF_8))
				.reduce((first, second) -> second)
				.orElse("");
		}

		String hex(int field) {
			return messages(field).stream()
				.map((m) -> HexFormat.of().formatHex(m.bytes, m.from, m.to))
				.reduce((first, second) -> second)
				.orElse("");
		}

		long varint(int field) {
			long[] last = { 0 };
			each((number, value) -> {
				if (number == field && value instanceof Long varint) {
					last[0] = varint;
				}
			});
			return last[0];
		}

		private void each(FieldVisitor visitor) {
			int[] position = { this.from };
			while (position[0] < this.to) {
				long tag = readVarint(position);
				int number = (int) (tag >>> 3);
				switch ((int) (tag & 7)) {
					case 0 -> visitor.visit(number, readVarint(position));
					case 1 -> position[0] += 8;
					case 2 -> {
						int length = (int) readVarint(position);
						visitor.visit(number, new Protobuf(this.bytes, position[0], position[0] + length));
						position[0] += length;
					}
					case 5 -> position[0] += 4;
					default -> throw new IllegalArgumentException("unsupported wire type in tag " + tag);
				}
			}
		}

		private long readVarint(int[] position) {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				byte b = this.bytes[position[0]++];
				value |= (long) (b & 0x7f) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("malformed varint");
		}

		interface FieldVisitor {

			void visit(int number, Object value);

		}

	}

}
