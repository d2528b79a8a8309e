package org.taskflow.auth;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle of password guesses (base settings: 3 free attempts per account and
 * source, 6 per account from untrusted sources, 30 per address). Sources are told apart
 * by {@code X-Forwarded-For}, as the gateway sends it.
 */
class LoginThrottleIntegrationTests extends AuthIntegrationTests {

	private static final String WRONG = "wrong password!!";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Test
	void backsOffAfterRepeatedFailuresAlikeForKnownAndUnknownEmails() {
		String known = uniqueEmail();
		signup(known);
		String unknown = uniqueEmail();

		for (String email : new String[] { known, unknown }) {
			for (int attempt = 0; attempt < 3; attempt++) {
				Response wrong = post("/api/auth/login", Map.of("email", email, "password", WRONG));
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
			post("/api/auth/login", Map.of("email", email, "password", WRONG));
		}
		Response throttled = post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
		assertThat(throttled.status()).isEqualTo(429);
		long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 2L);
		Thread.sleep(retryAfter * 1000 + 200);
		assertThat(post("/api/auth/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(200);
	}

	@Test
	void anAttackerFromOneSourceDoesNotLockTheOwnerOutFromAnother() {
		String email = uniqueEmail();
		signup(email);
		String attacker = address();
		for (int attempt = 0; attempt < 5; attempt++) {
			post("/api/auth/login", Map.of("email", email, "password", WRONG), "X-Forwarded-For", attacker);
		}
		Response attackerWithTheRightPassword = post("/api/auth/login", Map.of("email", email, "password", PASSWORD),
				"X-Forwarded-For", attacker);
		assertThat(attackerWithTheRightPassword.status()).as("the attacking source backs off").isEqualTo(429);

		Response owner = post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For",
				address());
		assertThat(owner.status()).as("the owner, from an address never seen before, gets in").isEqualTo(200);
	}

	@Test
	void aKnownDeviceAndAKnownAddressGetInWhileTheAccountIsGuessedFromEverywhere() {
		String email = uniqueEmail();
		signup(email);
		String home = address();
		Response atHome = post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For",
				home);
		String device = atHome.cookie("taskflow_device");
		assertThat(device).as("a successful login makes the browser a known device").isNotBlank();
		assertThat(atHome.setCookies()).anySatisfy((cookie) -> assertThat(cookie).startsWith("taskflow_device=")
			.contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/"));

		// a botnet: each address stays under the per-source limit, together they pass the
		// account's ceiling
		for (int bot = 0; bot < 6; bot++) {
			assertThat(post("/api/auth/login", Map.of("email", email, "password", WRONG), "X-Forwarded-For", address())
				.status()).isEqualTo(401);
		}
		assertThat(post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For", address())
			.status()).as("an unknown source backs off once the account's ceiling is reached").isEqualTo(429);

		assertThat(post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For", address(),
				"Cookie", "taskflow_device=" + device)
			.status()).as("the known device, even from a new address").isEqualTo(200);
		assertThat(
				post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For", home).status())
			.as("the known address, without the cookie")
			.isEqualTo(200);
	}

	@Test
	void aDeviceCookieIsGoodOnlyForItsAccountAndOnlyAsSigned() {
		String email = uniqueEmail();
		String other = uniqueEmail();
		signup(email);
		signup(other);
		String device = post("/api/auth/login", Map.of("email", other, "password", PASSWORD), "X-Forwarded-For",
				address())
			.cookie("taskflow_device");
		String forged = device.substring(0, device.indexOf('.') + 1) + "AAAA"
				+ device.substring(device.indexOf('.') + 5);
		for (int bot = 0; bot < 6; bot++) {
			post("/api/auth/login", Map.of("email", email, "password", WRONG), "X-Forwarded-For", address());
		}
		for (String cookie : new String[] { device, forged }) {
			assertThat(post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For",
					address(), "Cookie", "taskflow_device=" + cookie)
				.status()).isEqualTo(429);
		}
	}

	@Test
	void theAttackingSourceBacksOffOnEveryAccountItHasNotLoggedInTo() {
		String email = uniqueEmail();
		signup(email);
		String attacker = address();
		for (int attempt = 0; attempt < 30; attempt++) {
			post("/api/auth/login", Map.of("email", uniqueEmail(), "password", WRONG), "X-Forwarded-For", attacker);
		}
		Response throttled = post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For",
				attacker);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For", address())
			.status()).as("the same account from elsewhere").isEqualTo(200);
	}

	@Test
	void wrongCurrentPasswordsOnThePasswordChangeAreThrottledLikeLogins() {
		String email = uniqueEmail();
		signup(email);
		String access = login(email).access();
		String source = address();
		for (int attempt = 0; attempt < 3; attempt++) {
			Response wrong = post("/api/auth/password",
					Map.of("currentPassword", WRONG, "newPassword", "a much longer new passphrase"), "Authorization",
					"Bearer " + access, "X-Forwarded-For", source);
			assertThat(wrong.problemType()).isEqualTo("urn:taskflow:problem:wrong-current-password");
		}
		Response throttled = post("/api/auth/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "a much longer new passphrase"), "Authorization",
				"Bearer " + access, "X-Forwarded-For", source);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.problemType()).isEqualTo("urn:taskflow:problem:login-throttled");
		assertThat(post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For", source)
			.status()).as("the guesses count for the login from there too").isEqualTo(429);
	}

	/**
	 * A public address new to the throttle, from the benchmarking range 198.18.0.0/15.
	 */
	static String address() {
		int n = ADDRESSES.incrementAndGet();
		return "198." + (18 + n / 65536) + "." + (n / 256 % 256) + "." + (n % 256);
	}

}
