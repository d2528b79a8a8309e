package org.taskflow.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets per fixed window.
 *
 * @param window length of one counting window
 * @param authenticated requests per window for one user ({@code sub})
 * @param anonymous requests per window for one client address without a token
 * @param credentials requests per window for one client address on
 * {@code credentialPaths} (login, sign-up and the OAuth2 token endpoint: the guessing
 * targets)
 * @param credentialPaths path patterns under the strict budget
 * @param redisTimeout how long a Redis round trip may take before the local fallback
 * counts instead
 * @param syncInterval how often the per-user and per-address counts of this instance are
 * added to the shared counts in Redis; with several instances a client can exceed its
 * budget by what the others let through in one interval. Zero counts every request in
 * Redis before it passes (exact, one round trip each). The credential budget is always
 * counted that way
 * @param fallbackMaxKeys most clients the per-instance fallback tracks (beyond that they
 * share one budget), and most windows counted between syncs (beyond that a client is
 * counted in Redis on every request), so memory stays bounded
 * @param trustedProxyHops how many proxies in front of the gateway append to
 * {@code X-Forwarded-For}; 0 means the socket address is the client
 */
@ConfigurationProperties("taskflow.gateway.rate-limit")
@Validated
record RateLimitProperties(@NotNull Duration window, @Positive int authenticated, @Positive int anonymous,
		@Positive int credentials, @NotEmpty List<String> credentialPaths, @NotNull Duration redisTimeout,
		@NotNull Duration syncInterval, @Positive int fallbackMaxKeys, @PositiveOrZero int trustedProxyHops) {

}
