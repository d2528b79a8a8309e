package org.taskflow.support.events;

import java.time.Duration;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in documents' outboxes (reactive MongoDB) to Kafka, keyed
 * by subject, then removes each from its document. At least once: a crash between publish
 * and removal publishes again, and consumers deduplicate on the event id. A document's
 * events go out in order; the first failure stops that document until the next round, so
 * nothing overtakes an event that could not be sent (Kafka down: everything waits,
 * nothing is lost).
 */
public final class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/** Beside the producer's own time limits ({@link ProducerTimeLimits}). */
	static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final CloudEvents events;

	private final OutboxProperties properties;

	OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, CloudEvents events,
			OutboxProperties properties) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.events = events;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${taskflow.outbox.interval:500ms}")
	Mono<Void> relay() {
		Query pending = OutboxEvent.pending(this.properties.batchSize());
		return Flux.fromIterable(this.properties.collections())
			.concatMap((collection) -> this.mongo.find(pending, Document.class, collection)
				.concatMap((owner) -> relay(collection, owner)))
			.onErrorResume((ex) -> {
				logger.warn("Outbox round failed: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private Mono<Void> relay(String collection, Document owner) {
		return Flux.fromIterable(owner.getList(OutboxEvent.FIELD, Document.class))
			.concatMap((event) -> publish(collection, owner.get("_id"), event))
			.onErrorResume((ex) -> {
				logger.warn("Events of {} {} not published yet: {}", collection, owner.get("_id"), ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private Mono<Void> publish(String collection, Object ownerId, Document stored) {
		OutboxEvent event = OutboxEvent.stored(stored);
		// send() may block while it waits for cluster metadata: never on an event loop.
		// It runs in the trace of the request that made the change, so the publish and
		// every consumer's work join that trace instead of the relay's own.
		return Mono
			.fromFuture(() -> Tracing.within(event.traceparent(),
					() -> this.kafka.send(this.properties.topic(), event.subject(), this.events.envelope(event))))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(SEND_TIMEOUT)
			.then(this.mongo.updateFirst(OutboxEvent.owner(ownerId), OutboxEvent.removal(event.id()), collection))
			.then();
	}

}
