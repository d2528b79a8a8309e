package org.taskflow.support.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedSessionsTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void refusesTheTokensOfAnEndedSessionUntilTheyHaveExpired() {
		RevokedSessions revoked = new RevokedSessions(Clock.fixed(NOW, ZoneOffset.UTC));
		revoked.refuse("ended", NOW.plusSeconds(960).getEpochSecond());
		assertThat(revoked.refuses(token("ended"))).isTrue();
		assertThat(revoked.refuses(token("other"))).isFalse();
		RevokedSessions later = new RevokedSessions(Clock.fixed(NOW.plusSeconds(960), ZoneOffset.UTC));
		later.refuse("ended", NOW.plusSeconds(960).getEpochSecond());
		assertThat(later.refuses(token("ended"))).isFalse();
	}

	@Test
	void neverRefusesATokenWithoutASession() {
		RevokedSessions revoked = new RevokedSessions(Clock.fixed(NOW, ZoneOffset.UTC));
		revoked.refuse("ended", NOW.plusSeconds(960).getEpochSecond());
		Jwt serviceToken = Jwt.withTokenValue("t").header("alg", "RS256").subject("task-service").build();
		assertThat(revoked.refuses(serviceToken)).isFalse();
	}

	@Test
	void keepsTheLaterDeadlineAndForgetsSessionsWhoseTokensHaveExpired() {
		RevokedSessions revoked = new RevokedSessions(Clock.fixed(NOW, ZoneOffset.UTC));
		revoked.refuse("long", NOW.plusSeconds(900).getEpochSecond());
		revoked.refuse("long", NOW.minusSeconds(1).getEpochSecond());
		revoked.refuse("gone", NOW.minusSeconds(1).getEpochSecond());
		revoked.forgetExpired();
		assertThat(revoked.size()).isEqualTo(1);
		assertThat(revoked.refuses(token("long"))).isTrue();
	}

	private static Jwt token(String session) {
		return Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1").claim("sid", session).build();
	}

}
