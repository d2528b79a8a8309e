package org.taskflow.support.events;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The meters of {@link EventsAutoConfiguration}'s work where the service runs Micrometer:
 * dead letters per topic and group, and the outbox backlog where there is an outbox.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class EventsMetricsAutoConfiguration {

	@Bean
	DeadLetterMetrics deadLetterMetrics(MeterRegistry registry, ConsumerGroups groups) {
		return new DeadLetterMetrics(registry, groups);
	}

	@Bean
	@ConditionalOnBean(OutboxBacklog.class)
	OutboxMetrics outboxMetrics(OutboxBacklog backlog, OutboxProperties properties) {
		return new OutboxMetrics(backlog, properties.collections());
	}

}
