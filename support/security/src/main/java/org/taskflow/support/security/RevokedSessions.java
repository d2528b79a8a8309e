package org.taskflow.support.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The sessions auth-service has ended, whose access tokens are refused before they
 * expire: a person's token names its session in {@code sid}, and logging out, logging out
 * everywhere, a new password, a disabled or deleted account and a reused refresh token
 * end sessions. Held in memory, so the check a request pays is one hash lookup; fed from
 * Redis by {@link RevokedSessionsFeed}.
 * <p>
 * The contract with auth-service (docs/contracts.md): it adds each ended session to the
 * sorted set {@link #KEY}, scored with the epoch second until which the session's tokens
 * must be refused (its last token's expiry plus {@link #CLOCK_SKEW}), and publishes
 * {@code "<session id> <that second>"} on the channel of the same name. After that second
 * every token of the session has expired anyway, so the entry is forgotten.
 */
public final class RevokedSessions {

	/** The sorted set of ended sessions, and the channel that announces each one. */
	public static final String KEY = "taskflow:revoked-sessions";

	/**
	 * How long after its {@code exp} a token is still accepted: the default of Spring
	 * Security's timestamp validator, which every decoder here uses.
	 */
	public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final Map<String, Long> refusedUntil = new ConcurrentHashMap<>();

	private final Clock clock;

	RevokedSessions(Clock clock) {
		this.clock = clock;
	}

	/** Whether this token's session has ended. Tokens without a session never are. */
	boolean refuses(Jwt jwt) {
		Object session = jwt.getClaims().get("sid");
		if (session == null) {
			return false;
		}
		Long until = this.refusedUntil.get(session.toString());
		return until != null && this.clock.millis() < until;
	}

	void refuse(String session, long untilEpochSecond) {
		this.refusedUntil.merge(session, untilEpochSecond * 1000, Math::max);
	}

	/** Drops sessions whose every token has expired. */
	void forgetExpired() {
		long now = this.clock.millis();
		this.refusedUntil.values().removeIf((until) -> until <= now);
	}

	int size() {
		return this.refusedUntil.size();
	}

	/** The refusal: an invalid token, answered like an expired one. */
	static InvalidBearerTokenException ended() {
		return new InvalidBearerTokenException("The session of this token has ended");
	}

}
