package org.taskflow.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's one public HTTP edge, used as the web app uses it: JSON, bearer tokens from
 * the first-party login.
 */
final class Gateway {

	static final String PASSWORD = "correct horse battery staple";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Gateway(URI base) {
		this.base = base;
	}

	/** Signs up a new person with a unique address and logs them in. */
	Person signUp(String name) {
		return signUp(name, name.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com");
	}

	/** Signs up a new person and logs them in. */
	Person signUp(String name, String email) {
		Response signup = send("POST", "/api/auth/signup", null,
				Map.of("email", email, "password", PASSWORD, "displayName", name));
		assertThat(signup.status()).as(signup.text()).isEqualTo(201);
		Response login = send("POST", "/api/auth/login", null,
				Map.of("email", email, "password", PASSWORD, "tokenDelivery", "body"));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		return new Person(signup.json().get("id").asString(), email, name, login.json().get("accessToken").asString());
	}

	Response get(String path, Person caller) {
		return send("GET", path, caller, null);
	}

	Response post(String path, Person caller, Object body) {
		return send("POST", path, caller, body);
	}

	Response patch(String path, Person caller, Object body) {
		return send("PATCH", path, caller, body);
	}

	Response delete(String path, Person caller) {
		return send("DELETE", path, caller, null);
	}

	private Response send(String method, String path, Person caller, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json");
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
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Someone signed up and logged in. */
	record Person(String id, String email, String name, String token) {
	}

	record Response(int status, String text) {

		JsonNode json() {
			return JSON.readTree(this.text);
		}

	}

}
