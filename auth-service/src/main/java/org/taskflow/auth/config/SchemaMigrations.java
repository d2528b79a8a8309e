package org.taskflow.auth.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.taskflow.support.migrations.BlockingMigration;

/**
 * auth-service's schema steps, applied in order before the service reports ready
 * (support-migrations).
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

	@Bean
	BlockingMigration uniqueEmail() {
		return BlockingMigration.indexes(1, "unique normalised email", "accounts",
				List.of(new Index("email", Sort.Direction.ASC).unique().named("email_unique")));
	}

	@Bean
	BlockingMigration oauthLookups() {
		return new BlockingMigration(2, "OAuth2 client and authorization lookups", (mongo) -> {
			mongo.indexOps("oauth_clients")
				.createIndex(new Index("clientId", Sort.Direction.ASC).unique().named("client_id_unique"));
			mongo.indexOps("oauth_authorizations")
				.createIndex(new Index("lookups", Sort.Direction.ASC).named("token_lookups"));
			mongo.indexOps("oauth_authorizations")
				.createIndex(new Index("expiresAt", Sort.Direction.ASC).named("expiry"));
		});
	}

	@Bean
	BlockingMigration pendingEventsIndex() {
		return BlockingMigration.indexes(3, "pending events", "accounts",
				List.of(new Index("outbox._id", Sort.Direction.ASC).sparse().named("outbox_pending")));
	}

}
