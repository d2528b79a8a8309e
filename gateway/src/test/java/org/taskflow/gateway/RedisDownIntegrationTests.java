package org.taskflow.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway whose Redis is unreachable (a port nothing listens on). Decision: it neither
 * fails open like the stock limiter nor locks everyone out; each instance keeps counting
 * in memory under the same budgets until Redis answers again. Revoked sessions cannot be
 * learnt meanwhile; tokens are accepted as they would be without the list.
 */
class RedisDownIntegrationTests extends GatewayIntegrationTest {

	@DynamicPropertySource
	static void deadRedis(DynamicPropertyRegistry registry) throws IOException {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		// the URL wins over the host and port test-support sets
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + deadPort);
	}

	@Test
	void keepsLimitingCredentialEndpointsPerInstanceWhenRedisIsUnreachable() {
		WebTestClient sameClient = client();
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			sameClient.post()
				.uri("/api/auth/login")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-RateLimit-Remaining", Integer.toString(2 - i));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		RateLimitIntegrationTests.expectRateLimited(sameClient.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), "3");
	}

	@Test
	void keepsAcceptingTheTokensOfSessionsWhenRedisIsUnreachable() {
		// no revoked session can be learnt now: tokens are accepted as before, at most
		// until they expire (docs/architecture.md)
		String token = bearer(TestTokens.forSession("user-" + UUID.randomUUID(), "session-1"));
		long start = System.nanoTime();
		client().get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void keepsServingAndLimitingUsersWhenRedisIsUnreachable() {
		String token = bearer(TestTokens.forNewUser());
		for (int i = 0; i < 5; i++) {
			client().get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isOk();
		}
		RateLimitIntegrationTests.expectRateLimited(
				client().get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, token).exchange(), "5");
	}

}
