package org.taskflow.support.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in documents' outboxes (reactive MongoDB) to Kafka, keyed
 * by subject, then removes each from its document. Each document is first claimed
 * ({@link OutboxLease}), so with several replicas one of them publishes it, not all. At
 * least once: a crash between publish and removal publishes again once the claim runs
 * out, and consumers deduplicate on the event id. A document's events go out in order;
 * the first failure stops that document until the next round, so nothing overtakes an
 * event that could not be sent (Kafka down: everything waits, nothing is lost). Stopping
 * gives back the claims this replica holds, so a rolling restart delays nothing.
 */
public final class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/** Beside the producer's own time limits ({@link ProducerTimeLimits}). */
	static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final CloudEvents events;

	private final OutboxProperties properties;

	private final OutboxLease lease;

	private final OutboxBacklog backlog;

	private volatile boolean running;

	OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, CloudEvents events,
			OutboxProperties properties, OutboxLease lease, OutboxBacklog backlog) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.events = events;
		this.properties = properties;
		this.lease = lease;
		this.backlog = backlog;
	}

	@Scheduled(fixedDelayString = "${taskflow.outbox.interval:500ms}")
	Mono<Void> relay() {
		return Flux.fromIterable(this.properties.collections())
			.concatMap((collection) -> this.mongo
				.find(this.lease.candidates(this.properties.batchSize()), Document.class, collection)
				.takeWhile((candidate) -> this.running)
				.concatMap((candidate) -> claimAndRelay(collection, candidate.get("_id"))))
			.onErrorResume((ex) -> {
				logger.warn("Outbox round failed: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

	/**
	 * Counts what waits ({@link OutboxBacklog}), whether or not this replica is relaying:
	 * all of them report the same numbers.
	 */
	@Scheduled(fixedDelay = OutboxBacklog.INTERVAL_SECONDS, timeUnit = TimeUnit.SECONDS)
	Mono<Void> measure() {
		return Flux.fromIterable(this.properties.collections())
			.concatMap((collection) -> this.mongo.count(OutboxBacklog.waiting(), collection)
				.zipWith(this.mongo.findOne(OutboxBacklog.oldestFirst(), Document.class, collection)
					.map((owner) -> Optional.of(OutboxBacklog.oldest(owner)))
					.defaultIfEmpty(Optional.empty()))
				.doOnNext((measured) -> this.backlog.measured(collection, measured.getT1(),
						measured.getT2().orElse(null))))
			.timeout(OutboxBacklog.TIMEOUT)
			.onErrorResume((ex) -> {
				logger.warn("Outbox not measured: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

	/** Nothing when another replica holds the document or has emptied its outbox. */
	private Mono<Void> claimAndRelay(String collection, Object id) {
		Instant now = this.lease.now();
		Instant until = this.lease.until(now);
		return this.mongo
			.findAndModify(this.lease.claimable(id, now), this.lease.take(until), OutboxLease.RETURN_CLAIMED,
					Document.class, collection)
			.flatMap((owner) -> relay(collection, owner, until)
				.then(this.mongo.updateFirst(this.lease.held(id), OutboxLease.RELEASE, collection)))
			.then();
	}

	private Mono<Void> relay(String collection, Document owner, Instant until) {
		return Flux.fromIterable(owner.getList(OutboxEvent.FIELD, Document.class))
			.concatMap((event) -> publish(collection, owner.get("_id"), event, until))
			.onErrorResume((ex) -> {
				logger.warn("Events of {} {} not published yet: {}", collection, owner.get("_id"), ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private Mono<Void> publish(String collection, Object ownerId, Document stored, Instant until) {
		OutboxEvent event = OutboxEvent.stored(stored);
		// send() may block while it waits for cluster metadata: never on an event loop.
		// It runs in the trace of the request that made the change, so the publish and
		// every consumer's work join that trace instead of the relay's own.
		Mono<Void> send = Mono
			.fromFuture(() -> Tracing.within(event.traceparent(),
					() -> this.kafka.send(this.properties.topic(), event.subject(), this.events.envelope(event))))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(SEND_TIMEOUT)
			.then(this.mongo.updateFirst(OutboxEvent.owner(ownerId), OutboxEvent.removal(event.id()), collection))
			.then();
		return Mono.defer(() -> this.lease.allowsSend(until, SEND_TIMEOUT) ? send
				: Mono.error(new IllegalStateException("its claim runs out before another send could end")));
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Takes no more claims and gives back those it holds, then says it is done. */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		Flux.fromIterable(this.properties.collections())
			.concatMap((collection) -> this.mongo.updateMulti(this.lease.allHeld(), OutboxLease.RELEASE, collection))
			.timeout(SEND_TIMEOUT)
			.then()
			.onErrorResume((ex) -> {
				logger.warn("Outbox claims not given back, they run out by themselves: {}", ex.toString());
				return Mono.empty();
			})
			.doFinally((signal) -> callback.run())
			.subscribe();
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
