package org.taskflow.task.users;

import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerHealthTests {

	private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

	private final BreakerHealth health = new BreakerHealth(this.registry, "user-service");

	@Test
	void aBreakerNotCalledYetIsUp() {
		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "NOT_CALLED_YET");
		assertThat(this.registry.find("user-service")).as("not created by asking").isEmpty();
	}

	@Test
	void aClosedBreakerIsUpWithItsFigures() {
		CircuitBreaker breaker = this.registry.circuitBreaker("user-service");
		breaker.onSuccess(0, TimeUnit.MILLISECONDS);

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", CircuitBreaker.State.CLOSED)
			.containsEntry("bufferedCalls", 1);
	}

	@Test
	void anOpenOrHalfOpenBreakerIsUnknownNeverDown() {
		CircuitBreaker breaker = this.registry.circuitBreaker("user-service");
		breaker.transitionToOpenState();

		assertThat(this.health.health().getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(this.health.health().getDetails()).containsEntry("state", CircuitBreaker.State.OPEN);

		breaker.transitionToHalfOpenState();

		assertThat(this.health.health().getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(this.health.health().getDetails()).containsEntry("state", CircuitBreaker.State.HALF_OPEN);
	}

}
