package org.taskflow.gateway.routing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the circuit-breaker fallback tells clients. Breaker and time-limit settings
 * themselves live under {@code resilience4j.*} in YAML.
 *
 * @param retryAfter the {@code Retry-After} a client gets with a 503 fallback, in the
 * order of the breaker's open-state wait
 */
@ConfigurationProperties("taskflow.gateway.resilience")
@Validated
record ResilienceProperties(@NotNull Duration retryAfter) {

}
