package org.taskflow.support.migrations;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Applies a blocking service's {@link BlockingMigration}s in version order at startup,
 * each once, recording it in {@code schema_migrations}. The first runner: runners finish
 * before the service reports ready, so no traffic arrives before the indexes the queries
 * rely on exist.
 */
final class BlockingDatabaseMigrations implements ApplicationRunner, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(BlockingDatabaseMigrations.class);

	private final MongoTemplate mongo;

	private final List<BlockingMigration> migrations;

	private final Clock clock;

	BlockingDatabaseMigrations(MongoTemplate mongo, List<BlockingMigration> migrations, Clock clock) {
		this.mongo = mongo;
		this.migrations = migrations.stream().sorted(Comparator.comparingInt(BlockingMigration::version)).toList();
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (BlockingMigration migration : this.migrations) {
			if (this.mongo.findById(migration.version(), Document.class, MigrationHistory.COLLECTION) == null) {
				logger.info("Applying schema migration {}: {}", migration.version(), migration.description());
				migration.step().accept(this.mongo);
				record(migration);
			}
		}
	}

	private void record(BlockingMigration migration) {
		try {
			this.mongo.insert(MigrationHistory.entry(migration.version(), migration.description(), this.clock),
					MigrationHistory.COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// another replica recorded it first
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
