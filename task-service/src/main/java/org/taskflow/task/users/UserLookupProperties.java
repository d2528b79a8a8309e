package org.taskflow.task.users;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How task-service calls user-service: where, and how patiently.
 *
 * @param timeout the limit of one attempt
 * @param maxAttempts attempts per lookup, the first included (retries only on failures
 * that may pass: timeouts, 5xx, refused connections)
 * @param retryBackoff pause between attempts
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param minimumCalls calls before the failure rate counts
 * @param openFor how long an open circuit fails fast, also the {@code Retry-After}
 * clients are given
 */
@ConfigurationProperties("taskflow.user-lookup")
@Validated
public record UserLookupProperties(@DefaultValue("2s") @NotNull Duration timeout,
		@DefaultValue("2") @Min(1) @Max(5) int maxAttempts, @DefaultValue("200ms") @NotNull Duration retryBackoff,
		@DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold, @DefaultValue("5") @Min(1) int minimumCalls,
		@DefaultValue("10s") @NotNull Duration openFor) {

	/**
	 * Where the services task-service calls answer.
	 *
	 * @param user user-service's base URL
	 */
	@ConfigurationProperties("taskflow.services")
	@Validated
	public record Services(@DefaultValue("http://localhost:8081") @NotNull URI user) {

	}

}
