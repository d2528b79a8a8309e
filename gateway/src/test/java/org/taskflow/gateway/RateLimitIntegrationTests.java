package org.taskflow.gateway;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RateLimitIntegrationTests extends GatewayIntegrationTest {

	@Test
	void limitsEachUserToTheirBudgetAndAnswers429AsProblemWithHeaders() {
		String token = bearer(TestTokens.forNewUser());
		for (int i = 1; i <= 5; i++) {
			// a new address each time: the user's budget follows the token, not the
			// address
			client().get()
				.uri("/api/tasks")
				.header(HttpHeaders.AUTHORIZATION, token)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-RateLimit-Limit", "5")
				.expectHeader()
				.valueEquals("X-RateLimit-Remaining", Integer.toString(5 - i));
		}
		expectRateLimited(client().get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, token).exchange(), "5");
		client().get()
			.uri("/api/tasks")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * A user's requests are counted in memory and reach Redis, where the other replicas
	 * read them, within a sync interval (100 ms).
	 */
	@Test
	void sharesEachUsersCountWithTheOtherReplicasThroughRedis(@Autowired ReactiveStringRedisTemplate redis) {
		String user = "user-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			client().get()
				.uri("/api/tasks")
				.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forUser(user)))
				.exchange()
				.expectStatus()
				.isOk();
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(redis.opsForValue().get("taskflow:ratelimit:user:" + user).block())
				.isEqualTo("3"));
	}

	@Test
	void limitsAnonymousCallsPerClientAddress() {
		WebTestClient sameClient = client();
		for (int i = 0; i < 5; i++) {
			sameClient.get().uri("/api/auth/jwks-info").exchange().expectStatus().isOk();
		}
		expectRateLimited(sameClient.get().uri("/api/auth/jwks-info").exchange(), "5");
		client().get().uri("/api/auth/jwks-info").exchange().expectStatus().isOk();
	}

	@Test
	void givesCredentialEndpointsAMuchSmallerBudgetPerAddress() {
		String address = randomAddress();
		for (int i = 0; i < 3; i++) {
			login(address, "203.0.113." + i).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Limit", "3");
		}
		// the spoofable left part of X-Forwarded-For changes nothing: only the trusted
		// hop counts
		expectRateLimited(login(address, "198.51.100.9"), "3");
		login(randomAddress(), "198.51.100.9").expectStatus().isOk();
	}

	@Test
	void countsARefreshAsAnOrdinaryAnonymousCallNotACredentialAttempt() {
		WebTestClient sameClient = client();
		for (int i = 0; i < 5; i++) {
			sameClient.post()
				.uri("/api/auth/refresh")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-RateLimit-Limit", "5");
		}
	}

	private WebTestClient.ResponseSpec login(String trustedHop, String spoofed) {
		return WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.build()
			.post()
			.uri("/api/auth/login")
			.header("X-Forwarded-For", spoofed + ", " + trustedHop)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"a@example.test\",\"password\":\"guess\"}")
			.exchange();
	}

	static void expectRateLimited(WebTestClient.ResponseSpec response, String limit) {
		response.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", limit)
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0")
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:rate-limited");
	}

}
