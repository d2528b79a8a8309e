package org.taskflow.support.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What waits in this service's outboxes, as last measured: per collection, how many
 * documents hold events not yet published, and when the oldest of those events happened.
 * The relay measures every {@link #INTERVAL_SECONDS} seconds with one count and one
 * sorted find per collection ({@link #waiting()}, {@link #oldestFirst()}); the gauges
 * ({@link OutboxMetrics}) read what it found, so a scrape never waits on MongoDB. When
 * MongoDB does not answer, the last measurement stays and the age keeps growing from the
 * oldest event last seen, which is the truth: nothing is published then either.
 */
final class OutboxBacklog {

	/** About one Prometheus scrape interval: fresher numbers would not be seen. */
	static final long INTERVAL_SECONDS = 15;

	/** A measurement that takes longer is given up; the next one tries again. */
	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Measurement NOTHING = new Measurement(0, null);

	private final Map<String, Measurement> measurements = new ConcurrentHashMap<>();

	private final Clock clock;

	OutboxBacklog(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param oldest when the oldest waiting event of the collection happened, or null
	 * when none waits
	 */
	void measured(String collection, long documents, @Nullable Instant oldest) {
		this.measurements.put(collection, new Measurement(documents, oldest));
	}

	/** Documents of the collection with events waiting; 0 until first measured. */
	long documents(String collection) {
		return this.measurements.getOrDefault(collection, NOTHING).documents();
	}

	/** How long the oldest waiting event has waited until now; zero when none waits. */
	Duration oldestAge(String collection) {
		Instant oldest = this.measurements.getOrDefault(collection, NOTHING).oldest();
		return (oldest != null) ? Duration.between(oldest, this.clock.instant()) : Duration.ZERO;
	}

	/** Documents with events waiting, claimed or not. */
	static Query waiting() {
		return new Query(Criteria.where(OutboxEvent.FIELD + ".0").exists(true)).maxTime(TIMEOUT);
	}

	/**
	 * The document whose first waiting event is the oldest (a document's events wait in
	 * the order they happened), with only the times of its events.
	 */
	static Query oldestFirst() {
		Query query = waiting().with(Sort.by(OutboxEvent.FIELD + ".0.time")).limit(1);
		query.fields().include(OutboxEvent.FIELD + ".time");
		return query;
	}

	/**
	 * When the first waiting event of a document found by {@link #oldestFirst()}
	 * happened.
	 */
	static Instant oldest(Document owner) {
		return owner.getList(OutboxEvent.FIELD, Document.class).get(0).getDate("time").toInstant();
	}

	private record Measurement(long documents, @Nullable Instant oldest) {
	}

}
