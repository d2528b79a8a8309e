package org.taskflow.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OAuth2IntegrationTests extends AuthIntegrationTests {

	private static final String ISSUER = "http://localhost:8080";

	@Test
	void publishesAValidOpenIdDiscoveryDocument() {
		Response discovery = get("/.well-known/openid-configuration");
		assertThat(discovery.status()).isEqualTo(200);
		JsonNode document = discovery.body();
		assertThat(document.get("issuer").asString()).isEqualTo(ISSUER);
		for (String endpoint : List.of("jwks_uri", "token_endpoint", "authorization_endpoint", "revocation_endpoint",
				"introspection_endpoint")) {
			assertThat(document.get(endpoint).asString()).as(endpoint).startsWith(ISSUER + "/oauth2/");
		}
		assertThat(document.get("grant_types_supported").toString()).contains("client_credentials",
				"authorization_code");
		assertThat(document.get("code_challenge_methods_supported").toString()).contains("S256");
		// every browser-facing endpoint under /oauth2, which the gateway routes to this
		// service
		assertThat(document.get("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/userinfo");
		assertThat(document.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/logout");
		assertThat(document.get("scopes_supported").toString()).contains("\"openid\"", "\"profile\"", "\"email\"",
				"\"api\"");
		assertThat(document.get("claims_supported").toString()).contains("\"name\"", "\"email\"");
	}

	@Test
	void buildsAbsoluteUrlsFromTheIssuerNeverFromRequestHeaders() throws Exception {
		// the request reaches 127.0.0.1:<port> and claims to come through another host
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port
					+ "/oauth2/authorize?response_type=code&client_id=taskflow-cli&scope=openid&state=s"
					+ "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&code_challenge_method=S256"
					+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
			.header("Accept", "text/html")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "443")
			.GET());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).as("relative, or absolute at the issuer")
				.isIn("/oauth2/login", ISSUER + "/oauth2/login"));
	}

	@Test
	void aClientWithoutCredentialsGetsAnOAuth2ErrorNotTheLoginPage() throws Exception {
		for (String path : List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke")) {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("Accept", "*/*")
						.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&token=x")));
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(this.json.readTree(response.body()).get("error").asString()).as(path)
				.isEqualTo("invalid_client");
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
		}
	}

	@Test
	void anAuthorizationRequestThatCannotBeSentBackGetsAnOAuth2ErrorPage() throws Exception {
		for (String query : List.of("response_type=code&client_id=nobody&scope=openid",
				"response_type=code&client_id=taskflow-cli&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2F")) {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/oauth2/authorize?" + query))
						.header("Accept", "text/html")
						.GET());
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Location")).as("never redirected").isEmpty();
			assertThat(response.body()).as(query)
				.contains("<code id=\"error\">invalid_request</code>")
				.doesNotContain("Whitelabel");
		}
	}

	@Test
	void aServiceGetsAClientCredentialsTokenThatAResourceServerAccepts() throws Exception {
		JsonNode token = clientCredentials("task-service", "local-task-service-secret");
		String value = token.get("access_token").asString();

		// What every TaskFlow resource server does: keys from the JWKS URL, then issuer,
		// time and audience.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + this.port + "/oauth2/jwks")
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(ISSUER),
				new JwtClaimValidator<List<String>>("aud", (aud) -> aud != null && aud.contains("taskflow-api"))));
		Jwt jwt = decoder.decode(value);
		assertThat(jwt.getSubject()).isEqualTo("task-service");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("users.read");
		assertThat(jwt.getHeaders()).containsKey("kid");
		assertThat(token.get("expires_in").asLong()).isBetween(800L, 900L);

		// Kept in MongoDB: introspection finds it, revocation ends it.
		assertThat(introspect(value).get("active").asBoolean()).isTrue();
		HttpResponse<String> revoked = form("/oauth2/revoke", "token=" + value, "task-service",
				"local-task-service-secret");
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(introspect(value).get("active").asBoolean()).isFalse();
	}

	@Test
	void refusesAWrongClientSecret() throws Exception {
		HttpResponse<String> response = form("/oauth2/token", "grant_type=client_credentials&scope=users.read",
				"task-service", "guessed");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private JsonNode clientCredentials(String client, String secret) throws Exception {
		HttpResponse<String> response = form("/oauth2/token", "grant_type=client_credentials&scope=users.read", client,
				secret);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private JsonNode introspect(String token) throws Exception {
		return this.json
			.readTree(form("/oauth2/introspect", "token=" + token, "task-service", "local-task-service-secret").body());
	}

	private HttpResponse<String> form(String path, String body, String client, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
