package org.taskflow.task.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.stereotype.Component;

/**
 * Versioned, idempotent schema steps, applied in order at startup; the service reports
 * ready (health group {@code readiness} includes {@code migrations}) only once all are
 * applied. Each applied version is recorded in {@code schema_migrations}; replicas
 * starting together may both run a step, which is harmless because creating an existing
 * index is a no-op. Runs without blocking: a Mongo that is not up yet is retried.
 */
@Component("migrations")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseMigrations implements ApplicationRunner, ReactiveHealthIndicator, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseMigrations.class);

	private static final String HISTORY = "schema_migrations";

	private static final String TASKS = "tasks";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final AtomicBoolean applied = new AtomicBoolean();

	private volatile Disposable running = () -> {
	};

	DatabaseMigrations(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The indexes behind every query the service makes. The list queries always select by
	 * {@code members} (owner and assignees) and sort by one key then {@code _id}: one
	 * compound index per sort key. Text search uses the multikey {@code searchTokens}.
	 */
	private List<Migration> migrations() {
		return List.of(new Migration(1, "task lookups, list sorts, search, idempotency, outbox, trash",
				List.of(index("members_created", new Document("members", 1).append("createdAt", -1).append("_id", -1)),
						index("members_updated", new Document("members", 1).append("updatedAt", -1).append("_id", -1)),
						index("members_due", new Document("members", 1).append("dueSort", 1).append("_id", 1)),
						index("members_priority",
								new Document("members", 1).append("priorityRank", -1).append("_id", -1)),
						new Index("searchTokens", Sort.Direction.ASC).named("search_tokens"),
						new Index("assigneeIds", Sort.Direction.ASC).named("assignees"),
						new Index("ownerId", Sort.Direction.ASC).named("owner"),
						new Index("idempotencyKey", Sort.Direction.ASC).unique().sparse().named("idempotency_key"),
						new Index("outbox._id", Sort.Direction.ASC).sparse().named("outbox_pending"),
						new Index("deletedAt", Sort.Direction.ASC).sparse().named("trash"),
						new Index("purgedAt", Sort.Direction.ASC).sparse().named("purged"))));
	}

	private static IndexDefinition index(String name, Document keys) {
		return new CompoundIndexDefinition(keys).named(name);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.running = Flux.fromIterable(migrations())
			.concatMap(this::apply)
			.then()
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
				.maxBackoff(Duration.ofSeconds(10))
				.doBeforeRetry(
						(signal) -> logger.warn("Schema migration failed, retrying: {}", signal.failure().toString())))
			.subscribe(null, (ex) -> logger.error("Schema migrations gave up", ex), () -> this.applied.set(true));
	}

	private Mono<Void> apply(Migration migration) {
		return this.mongo.findById(migration.version(), Document.class, HISTORY)
			.hasElement()
			.flatMap((done) -> done ? Mono.empty() : Mono.defer(() -> {
				logger.info("Applying schema migration {}: {}", migration.version(), migration.description());
				return Flux.fromIterable(migration.indexes())
					.concatMap((index) -> this.mongo.indexOps(TASKS).createIndex(index))
					.then(this.mongo
						.insert(new Document("_id", migration.version()).append("description", migration.description())
							.append("appliedAt", Date.from(this.clock.instant())), HISTORY)
						.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty()))
					.then();
			}));
	}

	@Override
	public Mono<Health> health() {
		return Mono.just(this.applied.get() ? Health.up().build()
				: Health.outOfService().withDetail("reason", "schema migrations pending").build());
	}

	@Override
	public void destroy() {
		this.running.dispose();
	}

	private record Migration(int version, String description, List<IndexDefinition> indexes) {
	}

}
