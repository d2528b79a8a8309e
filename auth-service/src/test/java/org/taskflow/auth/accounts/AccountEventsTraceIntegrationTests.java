package org.taskflow.auth.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taskflow.auth.AuthIntegrationTests;
import org.taskflow.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service's events continue the trace of the request that made the change, as every
 * service's do: the W3C {@code traceparent} current when an account changes (the
 * OpenTelemetry agent makes the request's span current; here the test does) is stored
 * with the event and travels in its CloudEvent.
 */
class AccountEventsTraceIntegrationTests extends AuthIntegrationTests {

	private static final SpanContext REQUEST = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
			"00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());

	@Autowired
	AccountService accounts;

	@Test
	void aUserRegisteredEventCarriesTheTraceOfTheSignup() {
		String email = "traced-" + UUID.randomUUID() + "@taskflow.test";
		try (Scope scope = Span.wrap(REQUEST).makeCurrent()) {
			this.accounts.signup(email, "correct horse battery staple", "Ada Lovelace");
		}

		assertThat(published(this.accounts.findByEmail(email).id()))
			.contains("\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"");
	}

	private static String published(String key) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("taskflow.auth.user-events.v1"));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						return record.value();
					}
				}
			}
			throw new AssertionError("no event of " + key);
		}
	}

}
