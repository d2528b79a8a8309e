package org.taskflow.task;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.taskflow.testsupport.StubServer;

/**
 * Stands in for user-service's {@code GET /internal/users?ids=} on a free port: answers
 * for the users a test registers, and can be made to fail. Records the bearer token of
 * the last call so tests can check it is task-service's own.
 */
final class UserServiceStub {

	enum Mode {

		UP, FAILING, SLOW

	}

	private static final Map<String, Boolean> USERS = new ConcurrentHashMap<>();

	private static final AtomicInteger CALLS = new AtomicInteger();

	private static volatile Mode mode = Mode.UP;

	private static volatile String lastAuthorization = "";

	private static final HttpServer SERVER = StubServer.start(Map.of("/internal/users", UserServiceStub::users));

	private UserServiceStub() {
	}

	static String baseUrl() {
		return "http://127.0.0.1:" + SERVER.getAddress().getPort();
	}

	static void register(String userId, boolean active) {
		USERS.put(userId, active);
	}

	static void mode(Mode newMode) {
		mode = newMode;
	}

	static int calls() {
		return CALLS.get();
	}

	static String lastAuthorization() {
		return lastAuthorization;
	}

	private static void users(HttpExchange exchange) throws IOException {
		CALLS.incrementAndGet();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		lastAuthorization = (authorization != null) ? authorization : "";
		switch (mode) {
			case FAILING -> {
				StubServer.respond(exchange, 503, "{}");
				return;
			}
			case SLOW -> {
				try {
					Thread.sleep(5_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			case UP -> {
			}
		}
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			StubServer.respond(exchange, 401, "{}");
			return;
		}
		String query = exchange.getRequestURI().getRawQuery();
		String ids = (query != null && query.startsWith("ids="))
				? URLDecoder.decode(query.substring(4), StandardCharsets.UTF_8) : "";
		String body = Arrays.stream(ids.split(","))
			.filter(USERS::containsKey)
			.map((id) -> "{\"id\":\"%s\",\"displayName\":\"Someone\",\"email\":\"%s@taskflow.test\",\"active\":%s}"
				.formatted(id, id, USERS.get(id)))
			.collect(Collectors.joining(",", "[", "]"));
		StubServer.respond(exchange, 200, body);
	}

	/** Points task-service at this stub. */
	static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(
						new MapPropertySource("taskflowUserServiceStub", Map.of("taskflow.services.user", baseUrl())));
		}

	}

}
