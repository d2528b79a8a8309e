package org.taskflow.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Stands in for auth-service in the tests of the other services: mints access tokens as
 * auth-service issues them (docs/contracts.md) with a key made for this JVM, publishes
 * that key at {@code /oauth2/jwks}, and grants {@code client_credentials} tokens at
 * {@code /oauth2/token} to any client that authenticates with HTTP Basic. Put
 * {@link Initializer} on a service's integration test base class.
 */
public final class TestIssuer {

	public static final String ISSUER = "http://issuer.test";

	public static final String AUDIENCE = "taskflow-api";

	private static final RSAKey KEY = generate("test-key");

	private static final RSAKey STRANGER = generate("test-key");

	private static final HttpServer SERVER = StubServer.start(Map.of("/oauth2/jwks",
			(exchange) -> StubServer.respond(exchange, 200, new JWKSet(KEY.toPublicJWK()).toString()), "/oauth2/token",
			TestIssuer::token));

	private TestIssuer() {
	}

	/** Where the JWKS and token endpoints live: set as {@code taskflow.services.auth}. */
	public static String baseUrl() {
		return "http://127.0.0.1:" + SERVER.getAddress().getPort();
	}

	/** A person's token, as the web app holds it. */
	public static String user(String userId, String... roles) {
		return sign(KEY,
				person(userId, roles.length == 0 ? List.of("USER") : List.of(roles))
					.expirationTime(Date.from(Instant.now().plusSeconds(900)))
					.build());
	}

	/** A token for a new, unique person. */
	public static String newUser() {
		return user("user-" + UUID.randomUUID());
	}

	/**
	 * A service's client_credentials token: its client id as subject, its scopes, no
	 * roles.
	 */
	public static String service(String clientId, String... scopes) {
		return sign(KEY,
				base(clientId).claim("scope", List.of(scopes))
					.expirationTime(Date.from(Instant.now().plusSeconds(900)))
					.build());
	}

	/** A person's token that expired ten minutes ago. */
	public static String expired(String userId) {
		return sign(KEY,
				person(userId, List.of("USER")).issueTime(Date.from(Instant.now().minusSeconds(1500)))
					.expirationTime(Date.from(Instant.now().minusSeconds(600)))
					.build());
	}

	/** Same kid, another key: the signature does not verify. */
	public static String forged(String userId) {
		return sign(STRANGER,
				person(userId, List.of("USER")).expirationTime(Date.from(Instant.now().plusSeconds(900))).build());
	}

	private static JWTClaimsSet.Builder person(String userId, List<String> roles) {
		return base(userId).claim("scope", "api").claim("roles", roles);
	}

	private static JWTClaimsSet.Builder base(String subject) {
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.issueTime(new Date())
			.jwtID(UUID.randomUUID().toString());
	}

	/** Signs claims as auth-service does (RS256, the key's kid, typ JWT). */
	public static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new 2048-bit RSA key, for a test's own issuer or a forger. */
	public static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void token(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (authorization == null || !authorization.startsWith("Basic ")
				|| !form.contains("grant_type=client_credentials")) {
			StubServer.respond(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		String credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		String clientId = credentials.substring(0, credentials.indexOf(':'));
		String token = service(clientId, "users.read");
		StubServer.respond(exchange, 200, "{\"access_token\":\"" + token
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"users.read\"}");
	}

	/**
	 * The properties that make a service trust this issuer: issuer, JWKS and token
	 * endpoint.
	 */
	public static Map<String, Object> properties() {
		return Map.of("taskflow.security.issuer", ISSUER, "taskflow.services.auth", baseUrl(),
				"taskflow.security.jwk-set-uri", baseUrl() + "/oauth2/jwks");
	}

	/**
	 * Makes a service trust this issuer: its issuer, JWKS and token endpoint.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("taskflowTestIssuer", properties()));
		}

	}

}
