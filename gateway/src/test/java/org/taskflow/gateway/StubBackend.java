package org.taskflow.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one TaskFlow service on a free loopback port. It echoes what reached it
 * as JSON, and has a few special paths: {@code /oauth2/jwks} (the test key),
 * {@code /v3/api-docs}, {@code .../slow?ms=N}, {@code .../status/N} and
 * {@code .../stream} (SSE: one event, then a second once {@link #releaseStream()} is
 * called or 15 s pass).
 */
final class StubBackend implements AutoCloseable {

	private final String name;

	private volatile int port;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private volatile HttpServer server;

	private volatile CountDownLatch streamGate = new CountDownLatch(1);

	private StubBackend(String name) {
		this.name = name;
	}

	static StubBackend start(String name) {
		StubBackend backend = new StubBackend(name);
		backend.listen(0);
		return backend;
	}

	String url() {
		return "http://127.0.0.1:" + this.port();
	}

	int port() {
		return this.port;
	}

	/** Stops answering: connections to the port are refused. */
	void stop() {
		this.server.stop(0);
	}

	/** Answers again, on the same port. */
	void restart() {
		listen(this.port);
	}

	String lastHeader(String name) {
		return this.lastHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
	}

	/** How often {@code "METHOD /path"} reached this service. */
	int hits(String methodAndPath) {
		AtomicInteger count = this.hits.get(methodAndPath);
		return (count != null) ? count.get() : 0;
	}

	void releaseStream() {
		this.streamGate.countDown();
	}

	private void listen(int port) {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
			http.setExecutor(this.executor);
			http.createContext("/", this::handle);
			http.start();
			this.server = http;
			this.port = http.getAddress().getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.lastHeaders.clear();
			exchange.getRequestHeaders()
				.forEach((key, values) -> this.lastHeaders.put(key.toLowerCase(java.util.Locale.ROOT),
						String.join(",", values)));
			exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			this.hits.computeIfAbsent(exchange.getRequestMethod() + " " + path, (k) -> new AtomicInteger())
				.incrementAndGet();
			String query = exchange.getRequestURI().getQuery();
			if (path.equals("/oauth2/jwks")) {
				respond(exchange, 200, "application/json", TestTokens.jwks());
			}
			else if (path.equals("/v3/api-docs")) {
				respond(exchange, 200, "application/json",
						"{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + this.name + "\",\"version\":\"1\"}}");
			}
			else if (path.endsWith("/slow") && query != null && query.startsWith("ms=")) {
				Thread.sleep(Long.parseLong(query.substring(3)));
				respond(exchange, 200, "application/json", echo(exchange));
			}
			else if (path.contains("/status/")) {
				int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
				respond(exchange, status, "application/json", echo(exchange));
			}
			else if (path.endsWith("/stream")) {
				stream(exchange);
			}
			else {
				respond(exchange, 200, "application/json", echo(exchange));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void stream(HttpExchange exchange) throws IOException, InterruptedException {
		CountDownLatch gate = new CountDownLatch(1);
		this.streamGate = gate;
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream body = exchange.getResponseBody();
		body.write("id: 1\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
		body.flush();
		gate.await(15, TimeUnit.SECONDS);
		body.write("id: 2\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
		body.flush();
	}

	private String echo(HttpExchange exchange) {
		return "{\"service\":\"" + this.name + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\""
				+ exchange.getRequestURI().getPath() + "\"}";
	}

	private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.close();
	}

}
