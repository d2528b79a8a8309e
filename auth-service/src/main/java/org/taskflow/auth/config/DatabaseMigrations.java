package org.taskflow.auth.config;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Versioned, idempotent schema steps, applied in order before the service reports ready
 * (runners finish before readiness). Each applied version is recorded in
 * {@code schema_migrations}; replicas starting together may both run a step, which is
 * harmless because every step is idempotent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseMigrations implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseMigrations.class);

	private static final String HISTORY = "schema_migrations";

	private final MongoTemplate mongo;

	DatabaseMigrations(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	private List<Migration> migrations() {
		return List.of(
				new Migration(1, "unique normalised email",
						() -> this.mongo.indexOps("accounts")
							.createIndex(new Index("email", Sort.Direction.ASC).unique().named("email_unique"))),
				new Migration(2, "OAuth2 client and authorization lookups", () -> {
					this.mongo.indexOps("oauth_clients")
						.createIndex(new Index("clientId", Sort.Direction.ASC).unique().named("client_id_unique"));
					this.mongo.indexOps("oauth_authorizations")
						.createIndex(new Index("lookups", Sort.Direction.ASC).named("token_lookups"));
					this.mongo.indexOps("oauth_authorizations")
						.createIndex(new Index("expiresAt", Sort.Direction.ASC).named("expiry"));
				}), new Migration(3, "pending events", () -> this.mongo.indexOps("accounts")
					.createIndex(new Index("outbox._id", Sort.Direction.ASC).sparse().named("outbox_pending"))));
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Migration migration : migrations()) {
			if (this.mongo.findById(migration.version(), Document.class, HISTORY) != null) {
				continue;
			}
			logger.info("Applying schema migration {}: {}", migration.version(), migration.description());
			migration.step().run();
			try {
				this.mongo
					.insert(new Document("_id", migration.version()).append("description", migration.description())
						.append("appliedAt", Date.from(Instant.now())), HISTORY);
			}
			catch (DuplicateKeyException ex) {
				// another replica recorded it first
			}
		}
	}

	private record Migration(int version, String description, Runnable step) {
	}

}
