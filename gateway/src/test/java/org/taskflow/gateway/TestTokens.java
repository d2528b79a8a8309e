package org.taskflow.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

import org.taskflow.testsupport.TestIssuer;

/**
 * Access tokens as auth-service issues them (docs/contracts.md), signed with a key made
 * for this test JVM and published by the stub auth-service's JWKS; plus the ways a token
 * can be wrong.
 */
final class TestTokens {

	static final String ISSUER = "http://issuer.test";

	static final String AUDIENCE = "taskflow-api";

	private static final RSAKey KEY = TestIssuer.generate("test-key");

	private static final RSAKey STRANGER = TestIssuer.generate("test-key");

	private TestTokens() {
	}

	static String jwks() {
		return new JWKSet(KEY.toPublicJWK()).toString();
	}

	static String forUser(String subject) {
		return TestIssuer.sign(KEY, claims(subject, ISSUER, AUDIENCE, Instant.now().plusSeconds(900)));
	}

	/** A person's token of one session ({@code sid}), as a login or refresh issues it. */
	static String forSession(String subject, String session) {
		return TestIssuer.sign(KEY,
				new JWTClaimsSet.Builder(claims(subject, ISSUER, AUDIENCE, Instant.now().plusSeconds(900)))
					.claim("sid", session)
					.build());
	}

	static String forNewUser() {
		return forUser("user-" + UUID.randomUUID());
	}

	static String expired() {
		return TestIssuer.sign(KEY, claims("user-expired", ISSUER, AUDIENCE, Instant.now().minusSeconds(600)));
	}

	static String forAudience(String audience) {
		return TestIssuer.sign(KEY, claims("user-aud", ISSUER, audience, Instant.now().plusSeconds(900)));
	}

	static String fromIssuer(String issuer) {
		return TestIssuer.sign(KEY, claims("user-iss", issuer, AUDIENCE, Instant.now().plusSeconds(900)));
	}

	/** Same kid, another key: the signature does not verify. */
	static String signedByStranger() {
		return TestIssuer.sign(STRANGER, claims("user-forged", ISSUER, AUDIENCE, Instant.now().plusSeconds(900)));
	}

	private static JWTClaimsSet claims(String subject, String issuer, String audience, Instant expiry) {
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.audience(List.of(audience))
			.issueTime(Date.from(expiry.minusSeconds(900)))
			.expirationTime(Date.from(expiry))
			.claim("scope", "tasks")
			.claim("roles", List.of("USER"))
			.build();
	}

}
