package org.taskflow.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.taskflow.support.security.RevokedSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every path that ends a session also ends its access tokens: the session id is the
 * tokens' {@code sid}, and ending it records it in the revoked set (until its last token
 * has expired) and announces it, so resource servers refuse the tokens within moments.
 * auth-service's own API is one of them.
 */
class SessionRevocationIntegrationTests extends AuthIntegrationTests {

	/** Access-token lifetime plus the clock skew resource servers allow. */
	private static final Duration REFUSED_FOR = Duration.ofMinutes(16);

	@Autowired
	StringRedisTemplate redis;

	@Test
	void everyAccessTokenOfASessionNamesIt() {
		String email = uniqueEmail();
		signup(email);
		Tokens tokens = login(email);
		String session = claim(tokens.access(), "sid");

		Response sessions = get("/api/auth/sessions", bearer(tokens.access()));
		assertThat(sessions.body().get(0).get("id").asString()).isEqualTo(session);
		Response refreshed = post("/api/auth/refresh", Map.of("refreshToken", tokens.refresh()));
		assertThat(claim(refreshed.body().get("accessToken").asString(), "sid")).isEqualTo(session);
		assertThat(refusedUntil(session)).isNull();
	}

	@Test
	void loggingOutEndsTheSessionsAccessTokens() {
		String email = uniqueEmail();
		signup(email);
		Tokens tokens = login(email);
		assertThat(get("/api/auth/me", bearer(tokens.access())).status()).isEqualTo(200);

		assertThat(post("/api/auth/logout", Map.of("refreshToken", tokens.refresh())).status()).isEqualTo(204);

		expectEnded(tokens);
	}

	@Test
	void endingOneSessionEndsItsAccessTokensOnly() {
		String email = uniqueEmail();
		signup(email);
		Tokens here = login(email);
		Tokens elsewhere = login(email);

		assertThat(delete("/api/auth/sessions/" + claim(elsewhere.access(), "sid"), bearer(here.access())).status())
			.isEqualTo(204);

		expectEnded(elsewhere);
		expectLive(here);
	}

	@Test
	void loggingOutEverywhereEndsEverySessionsAccessTokens() {
		String email = uniqueEmail();
		signup(email);
		Tokens one = login(email);
		Tokens two = login(email);

		assertThat(post("/api/auth/logout-all", "", bearer(one.access())).status()).isEqualTo(204);

		expectEnded(one);
		expectEnded(two);
	}

	@Test
	void changingThePasswordEndsTheAccessTokensOfEveryOtherSession() {
		String email = uniqueEmail();
		signup(email);
		Tokens here = login(email);
		Tokens elsewhere = login(email);

		assertThat(post("/api/auth/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "a much longer new passphrase"),
				bearer(here.access()))
			.status()).isEqualTo(204);

		expectEnded(elsewhere);
		expectLive(here);
	}

	@Test
	void disablingAnAccountEndsTheAccessTokensOfAllItsSessions() {
		Tokens admin = admin();
		String email = uniqueEmail();
		String userId = signup(email);
		Tokens one = login(email);
		Tokens two = login(email);

		assertThat(post("/api/auth/admin/users/" + userId + "/disable", "", bearer(admin.access())).status())
			.isEqualTo(204);

		expectEnded(one);
		expectEnded(two);
	}

	@Test
	void reusingARotatedRefreshTokenEndsTheSessionsAccessTokens() {
		String email = uniqueEmail();
		signup(email);
		Tokens first = login(email);
		Response rotated = post("/api/auth/refresh", Map.of("refreshToken", first.refresh()));
		Tokens current = new Tokens(rotated.body().get("accessToken").asString(),
				rotated.body().get("refreshToken").asString());

		// the first refresh token again: it leaked, the whole family is revoked
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", first.refresh())).status()).isEqualTo(401);

		expectEnded(first);
		expectEnded(current);
	}

	/**
	 * The session is in the revoked set until its tokens expire, and its token is
	 * refused.
	 */
	void expectEnded(Tokens tokens) {
		String session = claim(tokens.access(), "sid");
		Double until = refusedUntil(session);
		assertThat(until).as("revoked session %s", session).isNotNull();
		assertThat(Instant.ofEpochSecond(until.longValue())).isBetween(Instant.now().plus(REFUSED_FOR).minusSeconds(30),
				Instant.now().plus(REFUSED_FOR));
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			Response me = get("/api/auth/me", bearer(tokens.access()));
			assertThat(me.status()).isEqualTo(401);
			assertThat(me.problemType()).isEqualTo("urn:taskflow:problem:unauthenticated");
		});
	}

	void expectLive(Tokens tokens) {
		assertThat(refusedUntil(claim(tokens.access(), "sid"))).isNull();
		assertThat(get("/api/auth/me", bearer(tokens.access())).status()).isEqualTo(200);
	}

	Double refusedUntil(String session) {
		return this.redis.opsForZSet().score(RevokedSessions.KEY, session);
	}

}
