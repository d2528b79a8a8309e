package org.taskflow.auth;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskflow.auth.keys.SigningKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** Forged and misused tokens are refused; the same token, honestly made, is accepted. */
class TokenAttacksIntegrationTests extends AuthIntegrationTests {

	private RSAKey key;

	private String userId;

	@BeforeEach
	void signingKeyAndUser() {
		this.key = SigningKeys.load(new AuthProperties.Keys(KEYS, null, false)).active();
		this.userId = signup(uniqueEmail());
	}

	@Test
	void anHonestlySignedTokenIsAccepted() throws Exception {
		assertThat(me(signed(this.key, claims(UnaryOperator.identity())))).isEqualTo(200);
	}

	@Test
	void refusesAnUnsignedToken() {
		assertThat(me(new PlainJWT(claims(UnaryOperator.identity())).serialize())).isEqualTo(401);
	}

	@Test
	void refusesATokenSignedWithHs256UsingThePublicKeyAsSecret() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.key.getKeyID()).build(),
				claims(UnaryOperator.identity()));
		jwt.sign(new MACSigner(this.key.toRSAPublicKey().getEncoded()));
		assertThat(me(jwt.serialize())).isEqualTo(401);
	}

	@Test
	void refusesExpiredNotYetValidWrongIssuerAndWrongAudienceTokens() throws Exception {
		Instant now = Instant.now();
		assertThat(me(signed(this.key, claims((c) -> c.issueTime(Date.from(now.minusSeconds(7200)))
			.expirationTime(Date.from(now.minusSeconds(3600))))))).as("expired").isEqualTo(401);
		assertThat(me(signed(this.key, claims((c) -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))))))
			.as("not yet valid")
			.isEqualTo(401);
		assertThat(me(signed(this.key, claims((c) -> c.issuer("https://evil.example"))))).as("issuer").isEqualTo(401);
		assertThat(me(signed(this.key, claims((c) -> c.audience("another-api"))))).as("audience").isEqualTo(401);
	}

	@Test
	void refusesATokenSignedByAnUnknownKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var pair = generator.generateKeyPair();
		RSAKey stranger = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
			.privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID("unknown-kid")
			.build();
		assertThat(me(signed(stranger, claims(UnaryOperator.identity())))).isEqualTo(401);
		RSAKey impostor = new RSAKey.Builder(stranger).keyID(this.key.getKeyID()).build();
		assertThat(me(signed(impostor, claims(UnaryOperator.identity())))).as("known kid, wrong key").isEqualTo(401);
	}

	@Test
	void refusesATamperedPayload() throws Exception {
		String[] parts = signed(this.key, claims(UnaryOperator.identity())).split("\\.");
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims((c) -> c.claim("roles", List.of("USER", "ADMIN"))).toString().getBytes());
		assertThat(me(parts[0] + "." + forged + "." + parts[2])).isEqualTo(401);
	}

	@Test
	void refusesARefreshTokenUsedAsAnAccessToken() {
		String email = uniqueEmail();
		signup(email);
		Response response = get("/api/auth/me", bearer(login(email).refresh()));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.problemType()).isEqualTo("urn:taskflow:problem:unauthenticated");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080")
			.subject(this.userId)
			.audience("taskflow-api")
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(1)))
			.expirationTime(Date.from(now.plusSeconds(600)))
			.claim("roles", List.of("USER"));
		return change.apply(claims).build();
	}

	private static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private int me(String token) {
		return get("/api/auth/me", bearer(token)).status();
	}

}
