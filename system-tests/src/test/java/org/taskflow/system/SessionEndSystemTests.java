package org.taskflow.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.taskflow.system.Gateway.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session that ends takes its access tokens with it, through the gateway, within
 * moments and not when the tokens expire: after logging out, logging out everywhere or
 * changing the password, the very token that worked a moment ago is refused on every API.
 */
class SessionEndSystemTests extends SharedSuiteTests {

	/** How soon an ended session's token must be refused. */
	private static final Duration SOON = Duration.ofSeconds(2);

	@Test
	void afterLoggingOutTheSessionsAccessTokenIsRefused() {
		Person ada = gateway.signUp("Ada");
		assertThat(gateway.get("/api/tasks", ada).status()).isEqualTo(200);

		Gateway.Response logout = gateway.post("/api/auth/logout", null, Map.of("refreshToken", ada.refreshToken()));
		assertThat(logout.status()).as(logout.text()).isEqualTo(204);

		expectRefusedSoon(ada);
		// what the web app does next, on the 401: refresh, which fails, so the person is
		// signed out
		assertThat(gateway.post("/api/auth/refresh", null, Map.of("refreshToken", ada.refreshToken())).status())
			.isEqualTo(401);
	}

	@Test
	void afterLoggingOutEverywhereTheTokensOfEverySessionAreRefused() {
		Person ada = gateway.signUp("Ada");
		Person adaElsewhere = gateway.logIn(ada);
		assertThat(gateway.get("/api/tasks", adaElsewhere).status()).isEqualTo(200);

		assertThat(gateway.post("/api/auth/logout-all", ada, Map.of()).status()).isEqualTo(204);

		expectRefusedSoon(ada);
		expectRefusedSoon(adaElsewhere);
	}

	@Test
	void afterAPasswordChangeTheTokensOfEveryOtherSessionAreRefused() {
		Person ada = gateway.signUp("Ada");
		Person adaElsewhere = gateway.logIn(ada);
		assertThat(gateway.get("/api/tasks", adaElsewhere).status()).isEqualTo(200);

		Gateway.Response changed = gateway.post("/api/auth/password", ada,
				Map.of("currentPassword", Gateway.PASSWORD, "newPassword", "a much longer new passphrase"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(204);

		expectRefusedSoon(adaElsewhere);
		assertThat(gateway.get("/api/tasks", ada).status()).isEqualTo(200);
	}

	/** Refused on every service's API, as an expired token is. */
	private static void expectRefusedSoon(Person person) {
		await().atMost(SOON).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			for (String path : new String[] { "/api/tasks", "/api/users/me", "/api/notifications" }) {
				Gateway.Response refused = gateway.get(path, person);
				assertThat(refused.status()).as(path + ": " + refused.text()).isEqualTo(401);
				assertThat(refused.json().get("type").asString()).isEqualTo("urn:taskflow:problem:unauthenticated");
			}
		});
	}

}
