package org.taskflow.system;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.taskflow.system.Gateway.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing up and logging in through the gateway, where an attacker and the person
 * attacked reach auth-service through the same proxy: sign-up does not tell who has an
 * account but tells the owner by email, and password guessing slows the guesser, not the
 * owner.
 */
class SignInSystemTests extends SharedSuiteTests {

	@Test
	void aSignupWithATakenAddressAnswersAsForAFreeOneAndTheOwnerGetsAnEmail() {
		Person ada = gateway.signUp("Ada");
		String free = "free-" + UUID.randomUUID() + "@example.com";

		Gateway.Response taken = gateway.post("/api/auth/signup", null,
				Map.of("email", ada.email(), "password", "mallory's own passphrase", "displayName", "Mallory"));
		Gateway.Response fresh = gateway.post("/api/auth/signup", null,
				Map.of("email", free, "password", "mallory's own passphrase", "displayName", "Mallory"));
		assertThat(taken.status()).as(taken.text()).isEqualTo(fresh.status()).isEqualTo(202);
		assertThat(taken.json().propertyNames()).containsExactlyElementsOf(fresh.json().propertyNames());

		String subject = "Someone tried to sign up with your email address";
		await().atMost(WAIT).untilAsserted(() -> assertThat(suite.mailbox(ada.email()).subjects()).contains(subject));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(suite.mailbox(free).subjects()).contains("Welcome to TaskFlow, Mallory"));
		assertThat(suite.mailbox(free).subjects()).doesNotContain(subject);
		assertThat(gateway.post("/api/auth/login", null, Map.of("email", ada.email(), "password", Gateway.PASSWORD))
			.status()).as("Ada's password is still hers").isEqualTo(200);
	}

	@Test
	void passwordGuessesFromOneAddressDoNotLockTheOwnerOutFromAnother() {
		Person ada = gateway.signUp("Ada");
		String attacker = "198.51.100.23";
		for (int attempt = 0; attempt < 8; attempt++) {
			gateway.postFrom(attacker, "/api/auth/login", Map.of("email", ada.email(), "password", "guess " + attempt));
		}
		Gateway.Response guesser = gateway.postFrom(attacker, "/api/auth/login",
				Map.of("email", ada.email(), "password", Gateway.PASSWORD));
		assertThat(guesser.status()).as(guesser.text()).isEqualTo(429);
		assertThat(guesser.json().get("type").asString()).isEqualTo("urn:taskflow:problem:login-throttled");

		Gateway.Response owner = gateway.postFrom("192.0.2.80", "/api/auth/login",
				Map.of("email", ada.email(), "password", Gateway.PASSWORD));
		assertThat(owner.status()).as(owner.text()).isEqualTo(200);
	}

}
