package org.taskflow.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.taskflow.support.security.RevokedSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edge refuses the access tokens of a session auth-service has ended, within moments
 * and long before they expire, on real Redis: auth-service records the session in the
 * revoked set and announces it (docs/contracts.md), which these tests do the same way.
 */
class RevokedSessionsIntegrationTests extends GatewayIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void refusesTheTokensOfAnEndedSessionWithinMomentsAndOnlyThose() {
		String ended = UUID.randomUUID().toString();
		String token = TestTokens.forSession("user-" + ended, ended);
		String otherSession = TestTokens.forSession("user-" + UUID.randomUUID(), UUID.randomUUID().toString());
		call(token).expectStatus().isOk();

		end(ended, true);

		Duration refusedAfter = untilRefused(token);
		assertThat(refusedAfter).isLessThan(Duration.ofSeconds(2));
		// as for an expired token, so the web app refreshes, which then fails
		EdgeSecurityIntegrationTests.expectUnauthorized(call(token));
		call(otherSession).expectStatus().isOk();
		call(TestTokens.forNewUser()).expectStatus().isOk();
	}

	@Test
	void catchesUpWithAnEndedSessionWhoseAnnouncementItMissed() {
		String ended = UUID.randomUUID().toString();
		String token = TestTokens.forSession("user-" + ended, ended);
		call(token).expectStatus().isOk();

		// recorded, never announced: the reload every second (5 s by default) finds it
		end(ended, false);

		assertThat(untilRefused(token)).isLessThan(Duration.ofSeconds(4));
	}

	/** What auth-service does when a session ends. */
	private void end(String session, boolean announce) {
		long refusedUntil = Instant.now().plusSeconds(960).getEpochSecond();
		this.redis.opsForZSet().add(RevokedSessions.KEY, session, refusedUntil);
		if (announce) {
			this.redis.convertAndSend(RevokedSessions.KEY, session + " " + refusedUntil);
		}
	}

	/** How long until the gateway refuses this token, asked every 100 ms. */
	private Duration untilRefused(String token) {
		long start = System.nanoTime();
		await().atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				int status = call(token).returnResult(byte[].class).getStatus().value();
				// accepted, or over the small test budget after five calls
				assertThat(status).isIn(200, 401, 429);
				return status == 401;
			});
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private WebTestClient.ResponseSpec call(String token) {
		return client().get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
	}

}
