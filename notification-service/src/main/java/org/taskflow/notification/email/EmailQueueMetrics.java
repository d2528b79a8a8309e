package org.taskflow.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The email queue's gauges: {@code taskflow.email.queue.pending}, the deliveries not sent
 * yet (those held back by quiet hours or waiting for a retry included), and
 * {@code taskflow.email.queue.oldest.age}, how long the delivery due the longest has
 * waited since it became due (0 when none is due): it grows when nothing sends, and a
 * quiet-hours delay does not count. Measured every 15 s with one count and one sorted
 * find, never on a scrape; when MongoDB does not answer, the last measurement stays and
 * the age keeps growing from the due time last seen.
 */
@Component
class EmailQueueMetrics implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(EmailQueueMetrics.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private volatile long pending;

	private volatile @Nullable Instant oldestDue;

	EmailQueueMetrics(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("taskflow.email.queue.pending", this, (metrics) -> metrics.pending)
			.description("Emails not sent yet, held back by quiet hours or waiting for a retry included")
			.register(registry);
		TimeGauge.builder("taskflow.email.queue.oldest.age", this, TimeUnit.MILLISECONDS, EmailQueueMetrics::ageMillis)
			.description("How long the email due the longest has waited since it became due")
			.register(registry);
	}

	@Scheduled(fixedDelay = 15, timeUnit = TimeUnit.SECONDS)
	Mono<Void> measure() {
		Instant now = this.clock.instant();
		Query oldestDue = new Query(unsent().and("nextAttemptAt").lte(now)).with(Sort.by("nextAttemptAt")).limit(1);
		oldestDue.fields().include("nextAttemptAt");
		return this.mongo.count(new Query(unsent()), Delivery.COLLECTION)
			.zipWith(this.mongo.findOne(oldestDue, Document.class, Delivery.COLLECTION)
				.map((delivery) -> Optional.of(delivery.getDate("nextAttemptAt").toInstant()))
				.defaultIfEmpty(Optional.empty()))
			.timeout(TIMEOUT)
			.doOnNext((measured) -> {
				this.pending = measured.getT1();
				this.oldestDue = measured.getT2().orElse(null);
			})
			.onErrorResume((ex) -> {
				logger.warn("Email queue not measured: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

	/** Being sent counts as not sent yet: the attempt may fail. */
	private static Criteria unsent() {
		return where("state").in(Delivery.State.PENDING, Delivery.State.SENDING);
	}

	private double ageMillis() {
		Instant due = this.oldestDue;
		return (due != null) ? Duration.between(due, this.clock.instant()).toMillis() : 0;
	}

}
