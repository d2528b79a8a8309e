package org.taskflow.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.taskflow.gateway.web.RequestIdFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class ResilienceIntegrationTests extends GatewayIntegrationTest {

	@Test
	void answers503ProblemWhileAServiceIsDownAndRecoversWhenItReturns(CapturedOutput output) {
		String requestId = "req-down-" + UUID.randomUUID();
		Backends.TASK.stop();
		try {
			for (int i = 0; i < 6; i++) {
				client().get()
					.uri("/api/tasks/1")
					.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
					.header(RequestIdFilter.HEADER, requestId + "-" + i)
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectHeader()
					.exists(HttpHeaders.RETRY_AFTER)
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo("urn:taskflow:problem:service-unavailable");
			}
		}
		finally {
			Backends.TASK.restart();
		}
		// the warning names the request it is about
		assertThat(output.getOut().lines().filter((line) -> line.contains("task unavailable")))
			.anyMatch((line) -> line.contains("[" + requestId + "-0]"));
		awaitHealthy("/api/tasks/1");
	}

	@Test
	void letsManyConcurrentCallsThroughNotJustTheDefaultBulkheadOf25() {
		// Reactor Netty's default pool would cap the test itself at 16 connections
		ConnectionProvider connections = ConnectionProvider.create("concurrent-test", 64);
		try {
			WebClient web = WebClient.builder()
				.baseUrl(baseUrl())
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
				.build();
			List<Integer> statuses = Flux.range(0, 40)
				.flatMap((i) -> web.get()
					.uri("/api/users/slow?ms=500")
					.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
					.header("X-Forwarded-For", randomAddress())
					.exchangeToMono((response) -> Mono.just(response.statusCode().value())), 40)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(statuses).hasSize(40).containsOnly(200);
		}
		finally {
			connections.dispose();
		}
	}

	@Test
	void letsSlowButTimelyCallsThroughPastTheOneSecondDefault() {
		client().get()
			.uri("/api/users/slow?ms=1300")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void cutsCallsAtTheResponseTimeoutWith504Problem() {
		long start = System.nanoTime();
		client().get()
			.uri("/api/users/slow?ms=4000")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900),
				Duration.ofMillis(3500));
		awaitHealthy("/api/users/1");
	}

	@Test
	void retriesOnlyIdempotentRequestsAndThenFallsBack() {
		String token = bearer(TestTokens.forNewUser());
		client().post()
			.uri("/api/notifications/status/503")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		client().get()
			.uri("/api/notifications/status/503")
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Backends.NOTIFICATION.hits("POST /api/notifications/status/503")).isEqualTo(1);
		assertThat(Backends.NOTIFICATION.hits("GET /api/notifications/status/503")).isEqualTo(3);
		awaitHealthy("/api/notifications");
	}

	private void awaitHealthy(String path) {
		// the failures above may have opened the route's breaker; leave it closed for
		// other tests
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(() -> client().get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
				.exchange()
				.expectStatus()
				.isOk());
	}

}
