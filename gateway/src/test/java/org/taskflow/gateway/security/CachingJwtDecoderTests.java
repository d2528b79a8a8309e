package org.taskflow.gateway.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache in front of a real Nimbus decoder whose expiry check reads the same movable
 * clock, so "the token has expired" means what it means in production.
 */
class CachingJwtDecoderTests {

	private static final String ISSUER = "http://issuer.test";

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final RSAKey KEY = generate();

	private static final RSAKey STRANGER = generate();

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));

	private final AtomicInteger verifications = new AtomicInteger();

	private final CachingJwtDecoder decoder = new CachingJwtDecoder(countingNimbusDecoder(), 3, this.clock);

	@Test
	void servesARepeatedTokenWithoutVerifyingItAgain() {
		String token = sign(KEY, "alice", this.clock.instant().plusSeconds(900));
		Jwt first = this.decoder.decode(token).block(Duration.ofSeconds(5));
		Jwt second = this.decoder.decode(token).block(Duration.ofSeconds(5));
		assertThat(first).isNotNull();
		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void rejectsACachedTokenOnceItHasExpired() {
		Instant expiry = this.clock.instant().plusSeconds(120);
		String token = sign(KEY, "alice", expiry);
		StepVerifier.create(this.decoder.decode(token))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));

		// at exp the cache no longer answers: the full check decides (still within its
		// skew)
		this.clock.set(expiry.plusSeconds(1));
		StepVerifier.create(this.decoder.decode(token))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(this.verifications).hasValue(2);

		// past the skew the full check rejects it, as it would with no cache at all
		this.clock.set(expiry.plus(CLOCK_SKEW).plusSeconds(1));
		StepVerifier.create(this.decoder.decode(token))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(JwtValidationException.class).hasMessageContaining("expired"))
			.verify(Duration.ofSeconds(5));
		assertThat(this.verifications).hasValue(3);
	}

	@Test
	void neverRemembersARejectedToken() {
		String forged = sign(STRANGER, "mallory", this.clock.instant().plusSeconds(900));
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.decoder.decode(forged)).expectError().verify(Duration.ofSeconds(5));
		}
		assertThat(this.verifications).hasValue(2);
		assertThat(this.decoder.size()).isZero();
	}

	@Test
	void keepsAtMostMaxEntriesTokens() {
		for (int i = 0; i < 20; i++) {
			String token = sign(KEY, "user-" + i, this.clock.instant().plusSeconds(900));
			StepVerifier.create(this.decoder.decode(token))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		}
		assertThat(this.decoder.size()).isLessThanOrEqualTo(3);
	}

	private ReactiveJwtDecoder countingNimbusDecoder() {
		NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(publicKey()).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setClock(this.clock);
		nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
		return (token) -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
	}

	private static RSAPublicKey publicKey() {
		try {
			return KEY.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(RSAKey key, String subject, Instant expiry) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.audience(List.of("taskflow-api"))
			.issueTime(Date.from(expiry.minusSeconds(900)))
			.expirationTime(Date.from(expiry))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID("test-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
