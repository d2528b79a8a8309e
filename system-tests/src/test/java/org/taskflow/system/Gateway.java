package org.taskflow.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suite's one public HTTP edge, used as the web app uses it: JSON, bearer tokens from
 * the first-party login.
 */
final class Gateway {

	static final String PASSWORD = "correct horse battery staple";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How long a new person may take to reach user-service and notification-service. */
	private static final Duration KNOWN_WITHIN = Duration.ofSeconds(60);

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Gateway(URI base) {
		this.base = base;
	}

	/**
	 * Signs up a new person with a unique address and logs them in. Sign-up does not say
	 * who the account is (it answers alike for a taken address); the account does.
	 */
	Person signUp(String name) {
		return signUp(name, name.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com");
	}

	/** Signs up a new person and logs them in. */
	Person signUp(String name, String email) {
		Response signup = send("POST", "/api/auth/signup", null,
				Map.of("email", email, "password", PASSWORD, "displayName", name));
		assertThat(signup.status()).as(signup.text()).isEqualTo(202);
		return logIn(email, PASSWORD);
	}

	/**
	 * Logs in someone who has an account: a new session of theirs, with its own tokens.
	 */
	Person logIn(String email, String password) {
		Response login = send("POST", "/api/auth/login", null,
				Map.of("email", email, "password", password, "tokenDelivery", "body"));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		String token = login.json().get("accessToken").asString();
		Response me = send("GET", "/api/auth/me", new Person("", email, "", token, ""), null);
		assertThat(me.status()).as(me.text()).isEqualTo(200);
		return new Person(me.json().get("id").asString(), email, me.json().get("displayName").asString(), token,
				login.json().get("refreshToken").asString());
	}

	/**
	 * Waits until user-service has the person's profile (task-service checks assignees
	 * there) and notification-service has welcomed them (so it knows their name and
	 * address).
	 */
	Person known(Person person) {
		await().atMost(KNOWN_WITHIN).untilAsserted(() -> {
			assertThat(get("/api/users/me", person).status()).isEqualTo(200);
			assertThat(notifications(person)).extracting((n) -> n.get("kind").asString()).contains("WELCOME");
		});
		return person;
	}

	/** Every notification of the person, newest first, read page by page. */
	List<JsonNode> notifications(Person person) {
		List<JsonNode> notifications = new ArrayList<>();
		String path = "/api/notifications?limit=100";
		while (path != null) {
			Response page = get(path, person);
			assertThat(page.status()).as(page.text()).isEqualTo(200);
			page.json().get("items").valueStream().forEach(notifications::add);
			JsonNode next = page.json().get("nextCursor");
			path = (next == null || next.isNull()) ? null : "/api/notifications?limit=100&cursor="
					+ URLEncoder.encode(next.asString(), StandardCharsets.UTF_8);
		}
		return notifications;
	}

	/** Logs a person in once more: a new session of theirs, with its own tokens. */
	Person logIn(Person person) {
		return logIn(person.email(), PASSWORD);
	}

	Response get(String path, Person caller) {
		return send("GET", path, caller, null);
	}

	Response post(String path, Person caller, Object body) {
		return send("POST", path, caller, body);
	}

	/**
	 * A request as a client at {@code address} sends it, behind the proxies the suite
	 * trusts.
	 */
	Response postFrom(String address, String path, Object body) {
		return send("POST", path, null, body, "X-Forwarded-For", address);
	}

	Response patch(String path, Person caller, Object body) {
		return send("PATCH", path, caller, body);
	}

	Response delete(String path, Person caller) {
		return send("DELETE", path, caller, null);
	}

	/**
	 * Opens {@code caller}'s live stream as the web app's EventSource does: a one-use
	 * ticket fetched with the bearer token, then the stream with only the ticket.
	 */
	LiveStream openStream(Person caller) {
		Response ticket = post("/api/notifications/stream-tickets", caller, Map.of());
		assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
		HttpRequest request = HttpRequest
			.newBuilder(this.base.resolve("/api/notifications/stream?ticket=" + ticket.json().get("ticket").asString()))
			.header("Accept", "text/event-stream")
			.build();
		try {
			HttpResponse<Stream<String>> response = this.http.send(request, HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			return new LiveStream(caller.name(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("the live stream of " + caller.name() + " did not open", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Response send(String method, String path, Person caller, Object body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		if (caller != null) {
			request.header("Authorization", "Bearer " + caller.token());
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Someone signed up and logged in: one session's access and refresh token. */
	record Person(String id, String email, String name, String token, String refreshToken) {
	}

	record Response(int status, String text, String contentType) {

		boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

		JsonNode json() {
			return JSON.readTree(this.text);
		}

	}

}
