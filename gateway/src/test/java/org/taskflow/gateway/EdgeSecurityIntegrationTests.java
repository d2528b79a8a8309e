package org.taskflow.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeSecurityIntegrationTests extends GatewayIntegrationTest {

	@Test
	void rejectsApiCallsWithoutATokenAsProblem() {
		expectUnauthorized(client().get().uri("/api/tasks").exchange());
	}

	@Test
	void letsTheLiveStreamThroughWithATicketInsteadOfABearerToken() throws Exception {
		// EventSource cannot send a bearer header; notification-service redeems the
		// ticket
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(baseUrl() + "/api/notifications/stream?ticket=one-use-ticket"))
			.header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
			.header("X-Forwarded-For", randomAddress())
			.timeout(Duration.ofSeconds(20))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			try (Stream<String> lines = response.body()) {
				assertThat(lines.filter((line) -> line.startsWith("data:")).findFirst()).hasValue("data: first");
			}
		}
		assertThat(Backends.NOTIFICATION.lastHeader(HttpHeaders.AUTHORIZATION)).isNull();
	}

	@Test
	void demandsABearerTokenForTheStreamWithoutATicketAndForAnythingElseWithOne() {
		expectUnauthorized(
				client().get().uri("/api/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange());
		expectUnauthorized(
				client().get().uri("/api/notifications/stream?ticket=").accept(MediaType.TEXT_EVENT_STREAM).exchange());
		expectUnauthorized(client().get().uri("/api/notifications?ticket=one-use-ticket").exchange());
		expectUnauthorized(client().get().uri("/api/tasks?ticket=one-use-ticket").exchange());
	}

	@Test
	void rejectsMalformedExpiredForgedAndMisaddressedTokens() {
		for (String token : new String[] { "not-a-jwt", TestTokens.expired(), TestTokens.signedByStranger(),
				TestTokens.forAudience("another-api"), TestTokens.fromIssuer("http://evil.test") }) {
			expectUnauthorized(
					client().get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange());
		}
	}

	@Test
	void rejectsOversizedRequestBodies() {
		client().post()
			.uri("/api/tasks")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"" + "x".repeat(2048) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anImportMayBeLargerThanOtherBodiesUpToItsOwnLimit() {
		String tasks = "[" + "{\"title\":\"%s\"}".formatted("x".repeat(2048)) + "]";
		client().post()
			.uri("/api/tasks/import")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(tasks)
			.exchange()
			.expectStatus()
			.isOk();
		client().post()
			.uri("/api/tasks/import")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(tasks.repeat(2))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void passesOnOnlyTheClientAddressItBelievesNeverForwardedHeadersTheClientWrote() {
		// one trusted hop here: the proxy in front appended 203.0.113.7, the client wrote
		// the rest
		client().get()
			.uri("/api/tasks")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
			.header("Forwarded", "for=198.51.100.1")
			.header("X-Forwarded-Host", "evil.example")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(Backends.TASK.lastHeader("X-Forwarded-For")).isEqualTo("203.0.113.7");
		assertThat(Backends.TASK.lastHeader("Forwarded")).isNull();
		assertThat(Backends.TASK.lastHeader("X-Forwarded-Host")).isNull();
	}

	@Test
	void aRequestTheFirewallRefusesIsAProblemAndClosesItsConnection() {
		client().method(HttpMethod.TRACE)
			.uri("/api/tasks")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.CONNECTION, "close")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:rejected-request");
	}

	@Test
	void answersCorsPreflightForAllowedOriginsOnly() {
		client().options()
			.uri("/api/tasks")
			.header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		client().options()
			.uri("/api/tasks")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void sendsSecurityHeadersOnPagesAndProxiedResponses() {
		expectSecurityHeaders(client().get().uri("/").exchange());
		expectSecurityHeaders(client().get()
			.uri("/api/tasks/1")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.exchange());
	}

	@Test
	void letsOnlyTheSwaggerUiSetStyleAttributes() {
		client().get()
			.uri("/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Security-Policy",
					(policy) -> assertThat(policy)
						.contains("script-src 'self'", "style-src 'self'", "style-src-attr 'unsafe-inline'")
						.doesNotContain("unsafe-eval", "script-src-attr"));
		for (String page : List.of("/", "/tasks", "/oauth2/login")) {
			client().get()
				.uri(page)
				.exchange()
				.expectHeader()
				.value("Content-Security-Policy", (policy) -> assertThat(policy).doesNotContain("unsafe-inline"));
		}
	}

	@Test
	void servesNoOperationalEndpointOnThePublicPort() {
		// they live on the management port, which the Ingress never reaches
		for (String path : List.of("/actuator/health/readiness", "/actuator/prometheus")) {
			client().get().uri(path).exchange().expectStatus().isNotFound();
		}
		client().get().uri("/actuator/env").exchange().expectStatus().is4xxClientError();
	}

	@Test
	void keepsProbesAndMetricsOpenOnTheManagementPortButNoOtherEndpoint() {
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build();
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		management.get().uri("/actuator/env").exchange().expectStatus().is4xxClientError();
	}

	private static void expectSecurityHeaders(WebTestClient.ResponseSpec response) {
		response.expectHeader()
			.value("Strict-Transport-Security", (v) -> assertThat(v).startsWith("max-age="))
			.expectHeader()
			.value("Content-Security-Policy",
					(v) -> assertThat(v).contains("default-src 'self'", "frame-ancestors 'none'"))
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	static void expectUnauthorized(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (v) -> assertThat(v).startsWith("Bearer"))
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:unauthenticated");
	}

}
