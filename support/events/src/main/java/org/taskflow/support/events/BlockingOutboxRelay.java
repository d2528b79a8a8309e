package org.taskflow.support.events;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@link OutboxRelay} for a service on blocking MongoDB: the same claims, the same order,
 * the same at-least-once publishing in the trace of the change, the same time limits.
 */
public final class BlockingOutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BlockingOutboxRelay.class);

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final CloudEvents events;

	private final OutboxProperties properties;

	private final OutboxLease lease;

	private final OutboxBacklog backlog;

	private volatile boolean running;

	BlockingOutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, CloudEvents events,
			OutboxProperties properties, OutboxLease lease, OutboxBacklog backlog) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.events = events;
		this.properties = properties;
		this.lease = lease;
		this.backlog = backlog;
	}

	@Scheduled(fixedDelayString = "${taskflow.outbox.interval:500ms}")
	void relay() {
		for (String collection : this.properties.collections()) {
			for (Document candidate : this.mongo.find(this.lease.candidates(this.properties.batchSize()),
					Document.class, collection)) {
				if (!this.running) {
					return;
				}
				claimAndRelay(collection, candidate.get("_id"));
			}
		}
	}

	/** Counts what waits ({@link OutboxBacklog}), as {@link OutboxRelay#measure()}. */
	@Scheduled(fixedDelay = OutboxBacklog.INTERVAL_SECONDS, timeUnit = TimeUnit.SECONDS)
	void measure() {
		try {
			for (String collection : this.properties.collections()) {
				Document oldest = this.mongo.findOne(OutboxBacklog.oldestFirst(), Document.class, collection);
				this.backlog.measured(collection, this.mongo.count(OutboxBacklog.waiting(), collection),
						(oldest != null) ? OutboxBacklog.oldest(oldest) : null);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox not measured: {}", ex.toString());
		}
	}

	/** Nothing when another replica holds the document or has emptied its outbox. */
	private void claimAndRelay(String collection, Object id) {
		Instant now = this.lease.now();
		Instant until = this.lease.until(now);
		Document owner = this.mongo.findAndModify(this.lease.claimable(id, now), this.lease.take(until),
				OutboxLease.RETURN_CLAIMED, Document.class, collection);
		if (owner != null) {
			relay(collection, owner, until);
			this.mongo.updateFirst(this.lease.held(id), OutboxLease.RELEASE, collection);
		}
	}

	/**
	 * In order; the first event that cannot be sent stops its document's until the next
	 * round.
	 */
	private void relay(String collection, Document owner, Instant until) {
		for (Document stored : owner.getList(OutboxEvent.FIELD, Document.class)) {
			OutboxEvent event = OutboxEvent.stored(stored);
			if (!this.lease.allowsSend(until, OutboxRelay.SEND_TIMEOUT)) {
				logger.warn("Events of {} {} not published yet: its claim runs out before another send could end",
						collection, owner.get("_id"));
				return;
			}
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

	@Override
	public void start() {
		this.running = true;
	}

	/** Takes no more claims and gives back those it holds. */
	@Override
	public void stop() {
		this.running = false;
		try {
			for (String collection : this.properties.collections()) {
				this.mongo.updateMulti(this.lease.allHeld(), OutboxLease.RELEASE, collection);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox claims not given back, they run out by themselves: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
