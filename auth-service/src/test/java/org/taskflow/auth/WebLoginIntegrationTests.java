package org.taskflow.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebLoginIntegrationTests extends AuthIntegrationTests {

	private static final String COOKIE = "taskflow_refresh";

	@Test
	void signupLoginRefreshThenReplayRevokesTheWholeFamily() {
		String email = uniqueEmail();
		String userId = signup(email);

		Response login = post("/api/auth/login", Map.of("email", email.toUpperCase(), "password", PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body().get("refreshToken").isNull()).as("refresh token stays out of the SPA's reach").isTrue();
		assertThat(login.setCookies()).filteredOn((cookie) -> cookie.startsWith(COOKIE + "="))
			.singleElement()
			.satisfies(
					(cookie) -> assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth"));
		String first = login.cookie(COOKIE);

		Response me = get("/api/auth/me", bearer(login.body().get("accessToken").asString()));
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().get("id").asString()).isEqualTo(userId);
		assertThat(me.body().get("email").asString()).isEqualTo(email);

		Response refreshed = post("/api/auth/refresh", "", "Cookie", COOKIE + "=" + first, "Origin", ORIGIN);
		assertThat(refreshed.status()).isEqualTo(200);
		String second = refreshed.cookie(COOKIE);
		assertThat(second).isNotBlank().isNotEqualTo(first);
		assertThat(get("/api/auth/me", bearer(refreshed.body().get("accessToken").asString())).status()).isEqualTo(200);

		Response replay = post("/api/auth/refresh", "", "Cookie", COOKIE + "=" + first, "Origin", ORIGIN);
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.problemType()).isEqualTo("urn:taskflow:problem:invalid-refresh-token");
		Response familyGone = post("/api/auth/refresh", "", "Cookie", COOKIE + "=" + second, "Origin", ORIGIN);
		assertThat(familyGone.status()).as("the legitimate successor dies with its family").isEqualTo(401);
	}

	@Test
	void nonBrowserClientsRotateInTheBodyAndLogOut() {
		String email = uniqueEmail();
		signup(email);
		Tokens tokens = login(email);
		Response refreshed = post("/api/auth/refresh", Map.of("refreshToken", tokens.refresh()));
		assertThat(refreshed.status()).isEqualTo(200);
		String next = refreshed.body().get("refreshToken").asString();
		assertThat(next).isNotEqualTo(tokens.refresh());

		assertThat(post("/api/auth/logout", Map.of("refreshToken", next)).status()).isEqualTo(204);
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", next)).status()).isEqualTo(401);
	}

	@Test
	void theRefreshCookieWorksOnlyFromAnAllowedOrigin() {
		String email = uniqueEmail();
		signup(email);
		String cookie = post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).cookie(COOKIE);
		Response noOrigin = post("/api/auth/refresh", "", "Cookie", COOKIE + "=" + cookie);
		assertThat(noOrigin.status()).isEqualTo(403);
		assertThat(noOrigin.problemType()).isEqualTo("urn:taskflow:problem:origin-not-allowed");
		Response evil = post("/api/auth/refresh", "", "Cookie", COOKIE + "=" + cookie, "Origin",
				"https://evil.example");
		assertThat(evil.status()).isEqualTo(403);
		assertThat(post("/api/auth/refresh", "", "Cookie", COOKIE + "=" + cookie, "Origin", ORIGIN).status())
			.isEqualTo(200);
	}

	@Test
	void sessionsAreListedAndRevocableOnlyByTheirOwner() {
		String alice = uniqueEmail();
		String bob = uniqueEmail();
		signup(alice);
		signup(bob);
		Tokens laptop = login(alice);
		Tokens phone = login(alice);
		Tokens bobs = login(bob);

		Response sessions = get("/api/auth/sessions", bearer(laptop.access()));
		assertThat(sessions.status()).isEqualTo(200);
		assertThat(sessions.body().size()).isEqualTo(2);
		String phoneSession = null;
		for (var session : sessions.body()) {
			if (!session.get("current").asBoolean()) {
				phoneSession = session.get("id").asString();
			}
		}
		assertThat(phoneSession).isNotNull();

		Response notHis = delete("/api/auth/sessions/" + phoneSession, bearer(bobs.access()));
		assertThat(notHis.status()).isEqualTo(404);
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", phone.refresh())).status()).isEqualTo(200);

		assertThat(delete("/api/auth/sessions/" + phoneSession, bearer(laptop.access())).status()).isEqualTo(204);
		assertThat(get("/api/auth/sessions", bearer(laptop.access())).body().size()).isEqualTo(1);
	}

	@Test
	void changingThePasswordEndsEveryOtherSession() {
		String email = uniqueEmail();
		signup(email);
		Tokens here = login(email);
		Tokens elsewhere = login(email);
		String newPassword = "a much longer new passphrase";
		Response wrong = post("/api/auth/password",
				Map.of("currentPassword", "not it at all!", "newPassword", newPassword), bearer(here.access()));
		assertThat(wrong.problemType()).isEqualTo("urn:taskflow:problem:wrong-current-password");

		assertThat(post("/api/auth/password", Map.of("currentPassword", PASSWORD, "newPassword", newPassword),
				bearer(here.access()))
			.status()).isEqualTo(204);
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", elsewhere.refresh())).status()).isEqualTo(401);
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", here.refresh())).status()).isEqualTo(200);
		assertThat(post("/api/auth/login", Map.of("email", email, "password", newPassword)).status()).isEqualTo(200);
	}

	@Test
	void logoutEverywhereEndsAllSessions() {
		String email = uniqueEmail();
		signup(email);
		Tokens one = login(email);
		Tokens two = login(email);
		assertThat(post("/api/auth/logout-all", "", bearer(one.access())).status()).isEqualTo(204);
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", one.refresh())).status()).isEqualTo(401);
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", two.refresh())).status()).isEqualTo(401);
	}

	@Test
	void signupRefusesWeakPasswordsAndMalformedInput() {
		String email = uniqueEmail();
		Response weak = post("/api/auth/signup",
				Map.of("email", email, "password", "password1234", "displayName", "A"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.problemType()).isEqualTo("urn:taskflow:problem:weak-password");
		Response shortOne = post("/api/auth/signup", Map.of("email", email, "password", "short", "displayName", "A"));
		assertThat(shortOne.problemType()).isEqualTo("urn:taskflow:problem:weak-password");

		Response weakForATakenAddress = post("/api/auth/signup",
				Map.of("email", "admin@taskflow.test", "password", "password1234", "displayName", "A"));
		assertThat(weakForATakenAddress.problemType()).as("the policy, not the address, decides")
			.isEqualTo("urn:taskflow:problem:weak-password");

		Response invalid = post("/api/auth/signup", Map.of("email", "not-an-email", "password", PASSWORD));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.problemType()).isEqualTo("urn:taskflow:problem:validation");
		assertThat(invalid.body().get("errors").toString()).contains("email", "displayName");

		Response malformed = post("/api/auth/signup", "{\"email\": [");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.problemType()).isEqualTo("urn:taskflow:problem:malformed-body");
		Response huge = post("/api/auth/signup",
				Map.of("email", email, "password", "x".repeat(100_000), "displayName", "A"));
		assertThat(huge.status()).isEqualTo(400);
	}

	@Test
	void anAdminListsAndDisablesAccountsAndADisabledAccountIsLockedOut() {
		Tokens admin = admin();
		String email = uniqueEmail();
		String userId = signup(email);
		Tokens user = login(email);

		assertThat(get("/api/auth/admin/users", bearer(user.access())).status()).isEqualTo(403);
		Response page = get("/api/auth/admin/users?size=100", bearer(admin.access()));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().get("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(get("/api/auth/admin/users?size=1000", bearer(admin.access())).status()).isEqualTo(400);

		assertThat(post("/api/auth/admin/users/" + userId + "/disable", "", bearer(admin.access())).status())
			.isEqualTo(204);
		assertThat(post("/api/auth/refresh", Map.of("refreshToken", user.refresh())).status()).isEqualTo(401);
		Response login = post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
		assertThat(login.status()).isEqualTo(403);
		assertThat(login.problemType()).isEqualTo("urn:taskflow:problem:account-disabled");
		assertThat(post("/api/auth/admin/users/nobody/disable", "", bearer(admin.access())).status()).isEqualTo(404);
	}

	@Test
	void signupAnswersTheSameForATakenAddressAndKeepsItsOwnersPassword() {
		String taken = uniqueEmail();
		signup(taken);
		String free = uniqueEmail();

		Response forFree = post("/api/auth/signup",
				Map.of("email", free, "password", "another long passphrase", "displayName", "B"));
		Response forTaken = post("/api/auth/signup",
				Map.of("email", taken.toUpperCase(), "password", "another long passphrase", "displayName", "B"));
		assertThat(forTaken.status()).isEqualTo(forFree.status()).isEqualTo(202);
		assertThat(forTaken.headers().firstValue("Content-Type"))
			.isEqualTo(forFree.headers().firstValue("Content-Type"));
		assertThat(forTaken.body().propertyNames()).containsExactlyElementsOf(forFree.body().propertyNames());
		assertThat(forTaken.setCookies()).isEqualTo(forFree.setCookies()).isEmpty();

		assertThat(post("/api/auth/login", Map.of("email", taken, "password", PASSWORD)).status())
			.as("the owner's password stays")
			.isEqualTo(200);
		assertThat(post("/api/auth/login", Map.of("email", free, "password", "another long passphrase")).status())
			.as("a new address can log in at once")
			.isEqualTo(200);
	}

	@Test
	void springsOwnErrorsAreProblemsWithStableTypes() {
		Response wrongMethod = delete("/api/auth/signup");
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.problemType()).isEqualTo("urn:taskflow:problem:method-not-allowed");
		Response wrongMediaType = post("/api/auth/signup", "email=a", "Content-Type", "text/plain");
		assertThat(wrongMediaType.status()).isEqualTo(415);
		assertThat(wrongMediaType.problemType()).isEqualTo("urn:taskflow:problem:unsupported-media-type");
	}

}
