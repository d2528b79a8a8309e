package org.taskflow.user.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Versioned, idempotent schema steps, applied in order when the service starts; each
 * applied version is recorded in {@code schema_migrations}. Replicas starting together
 * may both run a step, which is harmless because every step is idempotent. Nothing
 * blocks: the steps run on the driver's threads (retried while MongoDB is unreachable)
 * and {@link MigrationsHealthIndicator} keeps the service out of readiness until they are
 * done.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseMigrations implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseMigrations.class);

	private static final String HISTORY = "schema_migrations";

	private static final String PROFILES = "profiles";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final Mono<Void> applied;

	DatabaseMigrations(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.applied = Flux.fromIterable(migrations())
			.concatMap(this::apply)
			.then()
			.doOnError((ex) -> logger.warn("Schema migrations failed, retrying: {}", ex.toString()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.doOnSuccess((done) -> logger.info("Schema migrations applied"))
			.cache();
	}

	private List<Migration> migrations() {
		return List.of(
				new Migration(1, "search by normalised name and email prefix",
						() -> this.mongo.indexOps(PROFILES)
							.createIndex(new Index("searchKeys", Sort.Direction.ASC).named("search_keys"))
							.then()),
				new Migration(2, "pending events",
						() -> this.mongo.indexOps(PROFILES)
							.createIndex(new Index("outbox._id", Sort.Direction.ASC).sparse().named("outbox_pending"))
							.then()));
	}

	@Override
	public void run(ApplicationArguments args) {
		this.applied.subscribe();
	}

	/** Completes once every migration is applied. */
	Mono<Void> applied() {
		return this.applied;
	}

	private Mono<Void> apply(Migration migration) {
		return this.mongo.findById(migration.version(), Document.class, HISTORY)
			.hasElement()
			.flatMap(
					(done) -> done ? Mono.empty()
							: Mono
								.fromRunnable(() -> logger.info("Applying schema migration {}: {}", migration.version(),
										migration.description()))
								.then(migration.step().get())
								.then(this.mongo.insert(new Document("_id", migration.version())
									.append("description", migration.description())
									.append("appliedAt", Date.from(this.clock.instant())), HISTORY))
								.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
								.then());
	}

	private record Migration(int version, String description, Supplier<Mono<Void>> step) {
	}

}
