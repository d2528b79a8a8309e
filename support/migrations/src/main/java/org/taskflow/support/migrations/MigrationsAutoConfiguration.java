package org.taskflow.support.migrations;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Runs the service's {@link Migration} beans (reactive MongoDB) or
 * {@link BlockingMigration} beans (blocking MongoDB). A reactive service puts
 * {@code migrations} in the readiness group:
 * {@code management.endpoint.health.group.readiness.include: readinessState,migrations}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration" })
public class MigrationsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ Migration.class, ReactiveMongoTemplate.class })
	static class Reactive {

		/** Named {@code migrations}: the health indicator's name. */
		@Bean("migrations")
		@Order(Ordered.HIGHEST_PRECEDENCE)
		DatabaseMigrations migrations(ReactiveMongoTemplate mongo, List<Migration> migrations,
				ObjectProvider<Clock> clock) {
			return new DatabaseMigrations(mongo, migrations, clock.getIfAvailable(Clock::systemUTC));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ BlockingMigration.class, MongoTemplate.class })
	static class Blocking {

		@Bean
		BlockingDatabaseMigrations migrations(MongoTemplate mongo, List<BlockingMigration> migrations,
				ObjectProvider<Clock> clock) {
			return new BlockingDatabaseMigrations(mongo, migrations, clock.getIfAvailable(Clock::systemUTC));
		}

	}

}
