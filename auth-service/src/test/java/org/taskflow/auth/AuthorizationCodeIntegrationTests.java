package org.taskflow.auth;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A third-party public client (taskflow-cli) through the whole authorization-code flow
 * with PKCE, as a browser and a CLI would drive it: authorize, log in on the form,
 * receive the code at the redirect URI, exchange it with the verifier.
 */
class AuthorizationCodeIntegrationTests extends AuthIntegrationTests {

	private static final String CLIENT = "taskflow-cli";

	private static final String REDIRECT = "http://127.0.0.1:8765/callback";

	private static final String ISSUER = "http://localhost:8080";

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void aPublicClientWithPkceGetsTokensForTheLoggedInPerson() throws Exception {
		String email = uniqueEmail();
		String userId = signup(email);
		String verifier = randomUrlSafe();

		String code = authorize(email, challenge(verifier), "openid api");
		HttpResponse<String> exchanged = tokenRequest(code, verifier);
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		JsonNode tokens = this.json.readTree(exchanged.body());
		assertThat(tokens.has("id_token")).isTrue();

		Jwt access = NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks"))
			.build()
			.decode(tokens.get("access_token").asString());
		assertThat(access.getSubject()).as("the same subject as first-party tokens: the user id").isEqualTo(userId);
		assertThat(access.getAudience()).contains("taskflow-api");
		assertThat(access.getClaimAsStringList("roles")).containsExactly("USER");
		assertThat(access.getHeaders()).containsKey("kid");
	}

	@Test
	void theCodeIsBoundToTheVerifierAndUsableOnce() throws Exception {
		String email = uniqueEmail();
		signup(email);
		String verifier = randomUrlSafe();
		String code = authorize(email, challenge(verifier), "openid api");

		assertThat(tokenRequest(code, randomUrlSafe()).statusCode()).as("a wrong verifier").isEqualTo(400);
		assertThat(tokenRequest(code, verifier).statusCode()).isEqualTo(200);
		assertThat(tokenRequest(code, verifier).statusCode()).as("a code is good for one exchange").isEqualTo(400);
	}

	@Test
	void userInfoAnswersWithTheStandardClaimsOfTheGrantedScopes() throws Exception {
		String email = uniqueEmail();
		String userId = signup(email);
		String verifier = randomUrlSafe();
		String everything = access(authorize(email, challenge(verifier), "openid profile email"), verifier);
		JsonNode claims = userInfo(everything);
		assertThat(claims.get("sub").asString()).isEqualTo(userId);
		assertThat(claims.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(claims.get("email").asString()).isEqualTo(email);
		assertThat(claims.get("email_verified").asBoolean()).isFalse();

		// still signed in: the next authorization goes straight back to the client
		verifier = randomUrlSafe();
		String openIdOnly = access(codeFrom(get(authorizeUrl(challenge(verifier), "openid"))), verifier);
		assertThat(userInfo(openIdOnly).propertyNames()).containsExactly("sub");
	}

	@Test
	void aRequestWithoutPkceIsRefused() throws Exception {
		HttpResponse<String> response = get(url("/oauth2/authorize?response_type=code&client_id=" + CLIENT
				+ "&redirect_uri=" + encode(REDIRECT) + "&scope=openid&state=s"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith(REDIRECT).contains("error=invalid_request"));
	}

	private String access(String code, String verifier) throws Exception {
		HttpResponse<String> exchanged = tokenRequest(code, verifier);
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		return this.json.readTree(exchanged.body()).get("access_token").asString();
	}

	private JsonNode userInfo(String accessToken) throws Exception {
		HttpResponse<String> response = this.browser.send(HttpRequest.newBuilder(URI.create(url("/oauth2/userinfo")))
			.header("Authorization", "Bearer " + accessToken)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/**
	 * Drives the browser part and returns the code delivered to the redirect URI. The
	 * service's absolute URLs name the issuer (http://localhost:8080 here), so the
	 * "browser" follows their path and query to the port the test runs on.
	 */
	private String authorize(String email, String challenge, String scope) throws Exception {
		HttpResponse<String> toLogin = get(authorizeUrl(challenge, scope));
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(toLogin.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).as("relative, or absolute at the issuer")
				.isIn("/oauth2/login", ISSUER + "/oauth2/login"));

		HttpResponse<String> form = get(url("/oauth2/login"));
		assertThat(form.headers().firstValue("Content-Security-Policy"))
			.as("its own policy: the sign-in ends with a redirect to the client")
			.hasValueSatisfying((policy) -> assertThat(policy).contains("form-action 'self' http://127.0.0.1:8765"));
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
		HttpResponse<String> loggedIn = this.browser.send(HttpRequest.newBuilder(URI.create(url("/oauth2/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=" + encode(email) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		String back = loggedIn.headers().firstValue("Location").orElseThrow();
		String path = back.startsWith(ISSUER) ? back.substring(ISSUER.length()) : back;
		assertThat(path).startsWith("/oauth2/authorize");

		return codeFrom(get(url(path)));
	}

	private String authorizeUrl(String challenge, String scope) {
		return url("/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&redirect_uri=" + encode(REDIRECT)
				+ "&scope=" + encode(scope) + "&state=xyz&code_challenge=" + challenge + "&code_challenge_method=S256");
	}

	/** The code in a redirect to the client. */
	private static String codeFrom(HttpResponse<String> toClient) {
		assertThat(toClient.statusCode()).isEqualTo(302);
		String location = toClient.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(REDIRECT).contains("state=xyz");
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
		assertThat(code.find()).as(location).isTrue();
		return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> tokenRequest(String code, String verifier) throws Exception {
		String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(REDIRECT)
				+ "&client_id=" + CLIENT + "&code_verifier=" + encode(verifier);
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

}
