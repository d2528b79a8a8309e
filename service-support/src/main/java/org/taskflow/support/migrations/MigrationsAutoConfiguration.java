package org.taskflow.support.migrations;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.taskflow.support.events.EventsSupportAutoConfiguration;

/**
 * Runs the service's {@link Migration} beans. Put {@code migrations} in the readiness
 * group:
 * {@code management.endpoint.health.group.readiness.include: readinessState,migrations}.
 */
@AutoConfiguration(after = EventsSupportAutoConfiguration.class,
		afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnBean(Migration.class)
public class MigrationsAutoConfiguration {

	/** Named {@code migrations}: the health indicator's name. */
	@Bean("migrations")
	@Order(Ordered.HIGHEST_PRECEDENCE)
	DatabaseMigrations migrations(ReactiveMongoTemplate mongo, List<Migration> migrations, Clock clock) {
		return new DatabaseMigrations(mongo, migrations, clock);
	}

}
