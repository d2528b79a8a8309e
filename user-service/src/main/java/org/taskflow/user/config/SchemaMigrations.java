package org.taskflow.user.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.taskflow.support.migrations.Migration;

/**
 * The versioned schema steps of {@code taskflow-user}, applied once each, in order, by
 * support-migrations' runner before the service reports ready. Never change an applied
 * step; add the next version.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

	private static final String PROFILES = "profiles";

	/** Search is an anchored prefix match on this multikey field. */
	@Bean
	Migration searchKeysIndex() {
		return Migration.indexes(1, "search by normalised name and email prefix", PROFILES,
				List.of(new Index("searchKeys", Sort.Direction.ASC).named("search_keys")));
	}

	/** The outbox relay looks for profiles with pending events. */
	@Bean
	Migration pendingEventsIndex() {
		return Migration.indexes(2, "pending events", PROFILES,
				List.of(new Index("outbox._id", Sort.Direction.ASC).sparse().named("outbox_pending")));
	}

}
