package org.taskflow.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed the full check (signature, issuer, audience, expiry) until
 * their own {@code exp}, so a client's repeated calls skip the RSA verification and the
 * claim parsing, the largest single cost of the edge check. Keyed by the whole compact
 * token, signature included: an altered token misses and is checked in full. A hit is
 * served only while the clock is before {@code exp}; after that the token goes through
 * the full check again, which rejects it as it would without the cache. Rejections are
 * never remembered. At most {@code maxEntries} tokens are kept (least useful evicted
 * first), so memory stays bounded whatever the number of users.
 * <p>
 * What it gives up: a token whose signing key is withdrawn from auth-service's JWKS stays
 * accepted here until it expires (access tokens live minutes), and the services behind
 * the gateway check every token themselves.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;

	private final Clock clock;

	private final Cache<String, Jwt> accepted;

	CachingJwtDecoder(ReactiveJwtDecoder delegate, int maxEntries, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
		this.accepted = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			// reclaims memory; whether a hit may be served is decided in decode()
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.accepted.getIfPresent(token);
		if (known != null) {
			if (isLive(known)) {
				return Mono.just(known);
			}
			this.accepted.invalidate(token);
		}
		return this.delegate.decode(token).doOnNext((jwt) -> {
			if (isLive(jwt)) {
				this.accepted.put(token, jwt);
			}
		});
	}

	private boolean isLive(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

	private Duration untilExpiry(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		Duration left = (expiresAt != null) ? Duration.between(this.clock.instant(), expiresAt) : Duration.ZERO;
		return left.isNegative() ? Duration.ZERO : left;
	}

	long size() {
		this.accepted.cleanUp();
		return this.accepted.estimatedSize();
	}

}
