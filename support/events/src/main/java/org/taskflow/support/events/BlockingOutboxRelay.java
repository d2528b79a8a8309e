package org.taskflow.support.events;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@link OutboxRelay} for a service on blocking MongoDB: the same order, the same
 * at-least-once publishing in the trace of the change, the same time limits.
 */
public final class BlockingOutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(BlockingOutboxRelay.class);

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final CloudEvents events;

	private final OutboxProperties properties;

	BlockingOutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, CloudEvents events,
			OutboxProperties properties) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.events = events;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${taskflow.outbox.interval:500ms}")
	void relay() {
		for (String collection : this.properties.collections()) {
			for (Document owner : this.mongo.find(OutboxEvent.pending(this.properties.batchSize()), Document.class,
					collection)) {
				relay(collection, owner);
			}
		}
	}

	/**
	 * In order; the first event that cannot be sent stops its document's until the next
	 * round.
	 */
	private void relay(String collection, Document owner) {
		for (Document stored : owner.getList(OutboxEvent.FIELD, Document.class)) {
			OutboxEvent event = OutboxEvent.stored(stored);
			try {
				Tracing
					.within(event.traceparent(),
							() -> this.kafka.send(this.properties.topic(), event.subject(),
									this.events.envelope(event)))
					.get(OutboxRelay.SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				logger.warn("Events of {} {} not published yet: {}", collection, owner.get("_id"), ex.toString());
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			this.mongo.updateFirst(OutboxEvent.owner(owner.get("_id")), OutboxEvent.removal(event.id()), collection);
		}
	}

}
