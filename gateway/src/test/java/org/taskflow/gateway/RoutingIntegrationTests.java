package org.taskflow.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIntegrationTests extends GatewayIntegrationTest {

	@Test
	void routesEachApiPathToItsService() {
		String token = bearer(TestTokens.forNewUser());
		expectService("/api/auth/sessions", null, "auth");
		expectService("/oauth2/authorize", null, "auth");
		expectService("/.well-known/openid-configuration", null, "auth");
		expectService("/api/users/me", token, "user");
		expectService("/api/tasks/42", token, "task");
		expectService("/api/notifications", token, "notification");
	}

	@Test
	void relaysTheTokenTheRequestIdAndTheApiVersionDownstreamUnchanged() {
		String token = bearer(TestTokens.forNewUser());
		client().get()
			.uri("/api/tasks/7")
			.header(HttpHeaders.AUTHORIZATION, token)
			.header("X-Request-Id", "req-relay-1")
			.header("API-Version", "1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "req-relay-1");
		assertThat(Backends.TASK.lastHeader("Authorization")).isEqualTo(token);
		assertThat(Backends.TASK.lastHeader("X-Request-Id")).isEqualTo("req-relay-1");
		assertThat(Backends.TASK.lastHeader("API-Version")).isEqualTo("1");
	}

	@Test
	void givesEveryRequestAnIdEvenErrorsAndReplacesUnsafeOnes() {
		client().get()
			.uri("/api/tasks")
			.header("X-Request-Id", "bad id; with spaces and <markup>")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).matches("[0-9a-f-]{36}"));
		client().get()
			.uri("/api/tasks/1")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).matches("[0-9a-f-]{36}")
				.isEqualTo(Backends.TASK.lastHeader("X-Request-Id")));
	}

	@Test
	void streamsServerSentEventsAsTheyComeAndDoesNotCutLongStreams() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/notifications/stream"))
			.header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.header("X-Forwarded-For", randomAddress())
			.timeout(Duration.ofSeconds(20))
			.build();
		long start = System.nanoTime();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
				.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE));
			Iterator<String> lines = response.body().iterator();
			// the stub holds the second event back until released: the first must already
			// be here
			assertThat(nextData(lines)).isEqualTo("data: first");
			// a buffering proxy would hold it until the stub gives up waiting (15 s)
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			// longer than the 2 s response time-out of ordinary routes
			Thread.sleep(2_500);
			Backends.NOTIFICATION.releaseStream();
			assertThat(nextData(lines)).isEqualTo("data: second");
		}
	}

	@Test
	void servesEachServicesApiDocsAndTheAggregatedSwaggerUi() {
		for (String service : new String[] { "auth", "user", "task", "notification" }) {
			client().get()
				.uri("/v3/api-docs/" + service)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.info.title")
				.isEqualTo(service);
		}
		client().get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((config) -> assertThat(config.replace("\\/", "/")).contains("\"url\":\"/v3/api-docs/auth\"",
					"\"url\":\"/v3/api-docs/user\"", "\"url\":\"/v3/api-docs/task\"",
					"\"url\":\"/v3/api-docs/notification\"", "\"urls.primaryName\":\"task\""));
		client().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

	private static String nextData(Iterator<String> lines) {
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("data:")) {
				return line;
			}
		}
		return null;
	}

	private void expectService(String path, String authorization, String service) {
		client().get().uri(path).headers((headers) -> {
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.path")
			.isEqualTo(path);
	}

}
