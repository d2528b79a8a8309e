package org.taskflow.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleIntegrationTests extends AuthIntegrationTests {

	@Test
	void backsOffAfterRepeatedFailuresAlikeForKnownAndUnknownEmails() {
		String known = uniqueEmail();
		signup(known);
		String unknown = uniqueEmail();

		for (String email : new String[] { known, unknown }) {
			for (int attempt = 0; attempt < 3; attempt++) {
				Response wrong = post("/api/auth/login", Map.of("email", email, "password", "wrong password!!"));
				assertThat(wrong.status()).isEqualTo(401);
				assertThat(wrong.problemType()).isEqualTo("urn:taskflow:problem:invalid-credentials");
			}
			Response throttled = post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
			assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
			assertThat(throttled.problemType()).isEqualTo("urn:taskflow:problem:login-throttled");
			assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
		}
	}

	@Test
	void theBackoffEndsSoAVictimIsNeverLockedOutForGood() throws InterruptedException {
		String email = uniqueEmail();
		signup(email);
		for (int attempt = 0; attempt < 3; attempt++) {
			post("/api/auth/login", Map.of("email", email, "password", "wrong password!!"));
		}
		Response throttled = post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
		assertThat(throttled.status()).isEqualTo(429);
		long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 2L);
		Thread.sleep(retryAfter * 1000 + 200);
		assertThat(post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(200);
	}

}
