package org.taskflow.testsupport;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * user-service's user-events topic, for the tests of a service that consumes it and so
 * plays user-service's part: the topic declared, and {@code UserDeleted} written as
 * user-service writes it, checked against its schema.
 */
public final class UserEventsTopic {

	public static final String NAME = "taskflow.user.user-events.v1";

	private static final EventSchema SCHEMA = EventSchema.of("user-service", "user-events.v1.schema.json");

	private UserEventsTopic() {
	}

	/**
	 * Declares the topic; call it from a static initialiser, so that it exists before the
	 * service under test subscribes.
	 */
	public static void declare() {
		TestInfrastructure.shared().declareTopics(NAME);
	}

	/** A new {@code UserDeleted} event of this user. */
	public static String userDeleted(String userId) {
		Instant now = Instant.now();
		return SCHEMA.requireValid("""
				{"specversion":"1.0","id":"%s","type":"taskflow.user.UserDeleted.v1","source":"/user-service",
				 "subject":"%s","time":"%s","datacontenttype":"application/json",
				 "data":{"userId":"%s","deletedAt":"%s"}}""".formatted(UUID.randomUUID(), userId, now, userId, now));
	}

	/** Writes a record to the topic, whatever it holds, and waits until it is written. */
	public static void publish(String key, String value) {
		try (var producer = new KafkaProducer<>(
				Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						TestInfrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(NAME, key, value)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not write to " + NAME, ex.getCause());
		}
	}

}
