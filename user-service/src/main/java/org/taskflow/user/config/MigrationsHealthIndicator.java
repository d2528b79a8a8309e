package org.taskflow.user.config;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code migrations} in the readiness group: DOWN until the schema migrations are
 * applied. A probe during startup waits briefly for them rather than failing at once.
 */
@Component
class MigrationsHealthIndicator implements ReactiveHealthIndicator {

	private static final Duration WAIT = Duration.ofSeconds(2);

	private final DatabaseMigrations migrations;

	MigrationsHealthIndicator(DatabaseMigrations migrations) {
		this.migrations = migrations;
	}

	@Override
	public Mono<Health> health() {
		return this.migrations.applied()
			.then(Mono.fromSupplier(() -> Health.up().build()))
			.timeout(WAIT,
					Mono.fromSupplier(() -> Health.down().withDetail("reason", "schema migrations pending").build()));
	}

}
