package org.taskflow.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.taskflow.testsupport.IntegrationTest;
import org.taskflow.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service on a random port against real MongoDB, Redis and Kafka, with HTTP helpers.
 */
@IntegrationTest
@TestPropertySource(properties = { "taskflow.auth.admin-emails=admin@taskflow.test",
		"taskflow.auth.lockout.free-attempts=3", "taskflow.auth.lockout.source-free-attempts=30",
		"taskflow.auth.lockout.account-free-attempts=6", "taskflow.outbox.interval=100ms" })
public abstract class AuthIntegrationTests {

	static final String PASSWORD = "correct horse battery staple";

	static final String ORIGIN = "http://localhost:8080";

	static final Path KEYS = temporaryDirectory();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("taskflow.auth.keys.directory", KEYS::toString);
	}

	static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@taskflow.test";
	}

	Response post(String path, Object body, String... headers) {
		String content = (body instanceof String raw) ? raw : this.json.writeValueAsString(body);
		return send(HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(content))
			.header("Content-Type", "application/json"), headers);
	}

	Response get(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
	}

	Response delete(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
	}

	static String[] bearer(String token) {
		return new String[] { "Authorization", "Bearer " + token };
	}

	/**
	 * Signs up and returns the new user's id, which sign-up does not tell (it answers
	 * alike for a taken address): it logs in and asks.
	 */
	String signup(String email) {
		Response response = post("/api/auth/signup",
				Map.of("email", email, "password", PASSWORD, "displayName", "Ada Lovelace"));
		assertThat(response.status()).as(response.raw()).isEqualTo(202);
		Tokens tokens = login(email);
		String id = get("/api/auth/me", bearer(tokens.access())).body().get("id").asString();
		assertThat(post("/api/auth/logout", Map.of("refreshToken", tokens.refresh())).status()).isEqualTo(204);
		return id;
	}

	/** Logs in with the refresh token in the body, as a non-browser client does. */
	Tokens login(String email) {
		Response response = post("/api/auth/login",
				Map.of("email", email, "password", PASSWORD, "tokenDelivery", "body"));
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return new Tokens(response.body().get("accessToken").asString(),
				response.body().get("refreshToken").asString());
	}

	/**
	 * Logs in the administrator (taskflow.auth.admin-emails), signing them up the first
	 * time.
	 */
	Tokens admin() {
		String email = "admin@taskflow.test";
		if (post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status() != 200) {
			signup(email);
		}
		return login(email);
	}

	/** A claim of a token, read without checking it (the server under test issued it). */
	String claim(String token, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return this.json.readTree(payload).get(name).asString();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private Response send(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		HttpResponse<String> response = TestHttp.send(this.http, request.build());
		JsonNode body = response.body().isBlank() ? null : this.json.readTree(response.body());
		return new Response(response.statusCode(), response.headers(), body, response.body());
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("taskflow-auth-keys");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Tokens(String access, String refresh) {
	}

	record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

		/** The value of a cookie this response sets, or null. */
		String cookie(String name) {
			return setCookies().stream()
				.filter((header) -> header.startsWith(name + "="))
				.map((header) -> header.substring(name.length() + 1, header.indexOf(';')))
				.findFirst()
				.orElse(null);
		}

		List<String> setCookies() {
			return new ArrayList<>(this.headers.allValues("set-cookie"));
		}

		String problemType() {
			assertThat(this.headers.firstValue("content-type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			return this.body.get("type").asString();
		}

	}

}
