package org.taskflow.auth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login form of the authorization-code flow and the API login share one throttle:
 * guesses on either count for both.
 */
class FormLoginThrottleIntegrationTests extends AuthIntegrationTests {

	private static final String WRONG = "wrong password!!";

	@Test
	void wrongPasswordsOnTheLoginFormCountForTheApiLogin() throws Exception {
		String email = uniqueEmail();
		signup(email);
		String source = LoginThrottleIntegrationTests.address();
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(formLogin(email, WRONG, source).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		}
		Response api = post("/api/auth/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For", source);
		assertThat(api.status()).isEqualTo(429);
		assertThat(api.problemType()).isEqualTo("urn:taskflow:problem:login-throttled");
	}

	@Test
	void aSourceThrottledOnTheApiIsRefusedOnTheLoginFormEvenWithTheRightPassword() throws Exception {
		String email = uniqueEmail();
		signup(email);
		String source = LoginThrottleIntegrationTests.address();
		for (int attempt = 0; attempt < 3; attempt++) {
			post("/api/auth/login", Map.of("email", email, "password", WRONG), "X-Forwarded-For", source);
		}
		assertThat(formLogin(email, PASSWORD, source).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));

		HttpResponse<String> elsewhere = formLogin(email, PASSWORD, LoginThrottleIntegrationTests.address());
		assertThat(elsewhere.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		assertThat(elsewhere.headers().allValues("Set-Cookie"))
			.as("the form makes a known device as the API login does")
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("taskflow_device="));
	}

	/** Opens the form and posts it, in a browser of its own, from {@code source}. */
	private HttpResponse<String> formLogin(String email, String password, String source)
			throws IOException, InterruptedException {
		try (HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build()) {
			String page = browser
				.send(HttpRequest.newBuilder(url("/oauth2/login")).header("X-Forwarded-For", source).GET().build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
			assertThat(csrf.find()).as(page).isTrue();
			return browser.send(HttpRequest.newBuilder(url("/oauth2/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Forwarded-For", source)
				.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password=" + encode(password)
						+ "&_csrf=" + encode(csrf.group(1))))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
