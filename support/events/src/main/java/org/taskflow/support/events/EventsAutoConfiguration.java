package org.taskflow.support.events;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CloudEvents in and out: the envelope, producer time limits, dead letters per consumer
 * group for every listener with their replay (and its actuator endpoint), the topics the
 * service owns, and the outbox relay (when {@code taskflow.outbox.topic} is set) over
 * whichever MongoDB the service uses, reactive or blocking, claiming documents so that
 * replicas do not publish the same events, and measuring what waits. Their meters come
 * from {@link EventsMetricsAutoConfiguration}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration" })
@EnableConfigurationProperties({ OutboxProperties.class, TopicProperties.class })
@EnableScheduling
public class EventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Events say where they come from: {@code /<spring.application.name>}. */
	@Bean
	CloudEvents cloudEvents(JsonMapper json, Clock clock, Environment environment) {
		return new CloudEvents(json, clock, "/" + environment.getRequiredProperty("spring.application.name"));
	}

	@Bean
	ProducerTimeLimits producerTimeLimits() {
		return new ProducerTimeLimits();
	}

	/** Dead letters are counted where the service runs Micrometer. */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, ObjectProvider<DeadLetterMetrics> metrics) {
		return DeadLetters.errorHandler(template,
				(consumed) -> metrics.ifAvailable((counted) -> counted.sent(consumed)));
	}

	/**
	 * Static: spring-kafka asks for annotation enhancers before it processes the first
	 * listener.
	 */
	@Bean
	static ConsumerGroups consumerGroups(Environment environment) {
		return new ConsumerGroups(environment);
	}

	@Bean
	DeclaredTopics declaredTopics(KafkaAdmin admin, OutboxProperties outbox, ConsumerGroups groups,
			TopicProperties properties) {
		return new DeclaredTopics(admin, outbox.topic(), groups, properties);
	}

	@Bean
	DeadLetterReplay deadLetterReplay(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
			ConsumerGroups groups) {
		return new DeadLetterReplay(consumers, kafka, groups);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static class DeadLettersEndpointConfiguration {

		@Bean
		@ConditionalOnAvailableEndpoint
		DeadLettersEndpoint deadLettersEndpoint(DeadLetterReplay replay) {
			return new DeadLettersEndpoint(replay);
		}

	}

	/** Measured by the relay, read by the gauges where the service runs Micrometer. */
	@Bean
	@ConditionalOnProperty("taskflow.outbox.topic")
	OutboxBacklog outboxBacklog(Clock clock) {
		return new OutboxBacklog(clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("taskflow.outbox.topic")
	@ConditionalOnClass(name = "com.mongodb.reactivestreams.client.MongoClient")
	@ConditionalOnBean(ReactiveMongoTemplate.class)
	static class ReactiveOutbox {

		@Bean
		OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, CloudEvents events,
				OutboxProperties properties, Clock clock, OutboxBacklog backlog) {
			return new OutboxRelay(mongo, kafka, events, properties,
					OutboxLease.forThisProcess(properties.lease(), clock), backlog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("taskflow.outbox.topic")
	@ConditionalOnClass(name = "com.mongodb.client.MongoClient")
	@ConditionalOnBean(MongoTemplate.class)
	@ConditionalOnMissingBean(ReactiveMongoTemplate.class)
	static class BlockingOutbox {

		@Bean
		BlockingOutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, CloudEvents events,
				OutboxProperties properties, Clock clock, OutboxBacklog backlog) {
			return new BlockingOutboxRelay(mongo, kafka, events, properties,
					OutboxLease.forThisProcess(properties.lease(), clock), backlog);
		}

	}

}
