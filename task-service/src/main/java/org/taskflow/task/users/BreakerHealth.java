package org.taskflow.task.users;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A circuit breaker of the Resilience4j registry in {@code /actuator/health} (Boot 4 has
 * no such entry of Resilience4j's own yet): {@code UP} while it is closed,
 * {@code UNKNOWN} while it is open or half open, with its state and figures. Never
 * {@code DOWN}: an open circuit means a dependency is away, and this service keeps doing
 * what it can without it, so it must not fail the health check (or the readiness group,
 * which does not include it anyway).
 */
record BreakerHealth(CircuitBreakerRegistry registry, String name) implements HealthIndicator {

	@Override
	public Health health() {
		return this.registry.find(this.name)
			.map(BreakerHealth::of)
			.orElseGet(() -> Health.up().withDetail("state", "NOT_CALLED_YET").build());
	}

	private static Health of(CircuitBreaker breaker) {
		CircuitBreaker.Metrics metrics = breaker.getMetrics();
		CircuitBreaker.State state = breaker.getState();
		Status status = (state == CircuitBreaker.State.CLOSED) ? Status.UP : Status.UNKNOWN;
		return Health.status(status)
			.withDetail("state", state)
			.withDetail("failureRate", metrics.getFailureRate() + "%")
			.withDetail("slowCallRate", metrics.getSlowCallRate() + "%")
			.withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
			.withDetail("failedCalls", metrics.getNumberOfFailedCalls())
			.withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
			.build();
	}

}
