package org.taskflow.support.migrations;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Applies a reactive service's {@link Migration}s in version order at startup, each once,
 * recording it in {@code schema_migrations}. Nothing blocks: the steps run on the
 * driver's threads, retried with backoff while MongoDB is unreachable. Meanwhile the
 * health indicator {@code migrations} (in the readiness group) is OUT_OF_SERVICE, so no
 * traffic arrives before the indexes the queries rely on exist.
 */
final class DatabaseMigrations implements ApplicationRunner, ReactiveHealthIndicator, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseMigrations.class);

	private final ReactiveMongoTemplate mongo;

	private final List<Migration> migrations;

	private final Clock clock;

	private volatile boolean applied;

	private volatile Disposable running = () -> {
	};

	DatabaseMigrations(ReactiveMongoTemplate mongo, List<Migration> migrations, Clock clock) {
		this.mongo = mongo;
		this.migrations = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.running = Flux.fromIterable(this.migrations)
			.concatMap(this::apply)
			.then()
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
				.maxBackoff(Duration.ofSeconds(10))
				.doBeforeRetry(
						(signal) -> logger.warn("Schema migration failed, retrying: {}", signal.failure().toString())))
			.subscribe(null, (ex) -> logger.error("Schema migrations gave up", ex), () -> {
				logger.info("Schema migrations applied ({})", this.migrations.size());
				this.applied = true;
			});
	}

	private Mono<Void> apply(Migration migration) {
		return this.mongo.findById(migration.version(), Document.class, MigrationHistory.COLLECTION)
			.hasElement()
			.flatMap((done) -> done ? Mono.empty() : Mono.defer(() -> {
				logger.info("Applying schema migration {}: {}", migration.version(), migration.description());
				return migration.step()
					.apply(this.mongo)
					.then(this.mongo
						.insert(MigrationHistory.entry(migration.version(), migration.description(), this.clock),
								MigrationHistory.COLLECTION)
						.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty()))
					.then();
			}));
	}

	@Override
	public Mono<Health> health() {
		return Mono.just(this.applied ? Health.up().build()
				: Health.outOfService().withDetail("reason", "schema migrations pending").build());
	}

	@Override
	public void destroy() {
		this.running.dispose();
	}

}
