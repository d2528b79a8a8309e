package org.taskflow.notification.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
 * Versioned, idempotent schema steps, applied in order before the service reports ready:
 * Boot flips readiness only after every runner returned, so this runner waits for them on
 * the startup thread (not an event loop). Each applied version is recorded in
 * {@code schema_migrations}; replicas starting together may both run a step, which is
 * harmless because creating an existing index is a no-op.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseMigrations implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseMigrations.class);

	private static final String HISTORY = "schema_migrations";

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	DatabaseMigrations(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	private List<Migration> migrations() {
		return List.of(new Migration(1, "notification lists, unread counts, due reminders and emails", Flux.concat(
				index("notifications",
						new Index().on("userId", Sort.Direction.ASC)
							.on("createdAt", Sort.Direction.DESC)
							.on("_id", Sort.Direction.DESC)
							.named("user_newest_first")),
				index("notifications",
						new Index().on("userId", Sort.Direction.ASC)
							.on("read", Sort.Direction.ASC)
							.named("user_unread")),
				index("reminders",
						new Index().on("state", Sort.Direction.ASC).on("fireAt", Sort.Direction.ASC).named("due")),
				index("reminders", new Index().on("taskId", Sort.Direction.ASC).named("task")),
				index("reminders", new Index().on("userId", Sort.Direction.ASC).named("user")),
				index("deliveries",
						new Index().on("state", Sort.Direction.ASC)
							.on("nextAttemptAt", Sort.Direction.ASC)
							.named("due")),
				index("deliveries", new Index().on("userId", Sort.Direction.ASC).named("user")))
			.then()));
	}

	private Mono<String> index(String collection, Index index) {
		return this.mongo.indexOps(collection).createIndex(index);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Flux.fromIterable(migrations())
			.concatMap(this::apply)
			.then()
			.toFuture()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	private Mono<Void> apply(Migration migration) {
		return this.mongo.findById(migration.version(), Document.class, HISTORY)
			.hasElement()
			.flatMap((applied) -> applied ? Mono.empty() : Mono.defer(() -> {
				logger.info("Applying schema migration {}: {}", migration.version(), migration.description());
				return migration.step()
					.then(this.mongo
						.insert(new Document("_id", migration.version()).append("description", migration.description())
							.append("appliedAt", java.util.Date.from(this.clock.instant())), HISTORY))
					.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
					.then();
			}));
	}

	private record Migration(int version, String description, Mono<Void> step) {
	}

}
