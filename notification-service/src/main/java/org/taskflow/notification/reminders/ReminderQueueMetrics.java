package org.taskflow.notification.reminders;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code taskflow.reminders.queue.due}: reminders whose time has come that have not been
 * sent (or called off) yet, those a replica is firing included. The poller takes them
 * within a second, so a number that stays above 0 means it does not get through them.
 * Measured every 15 s with one count, never on a scrape; when MongoDB does not answer,
 * the last measurement stays.
 */
@Component
class ReminderQueueMetrics implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(ReminderQueueMetrics.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private volatile long due;

	ReminderQueueMetrics(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("taskflow.reminders.queue.due", this, (metrics) -> metrics.due)
			.description("Reminders due and not sent yet")
			.register(registry);
	}

	@Scheduled(fixedDelay = 15, timeUnit = TimeUnit.SECONDS)
	Mono<Void> measure() {
		Criteria due = new Criteria().orOperator(
				where("state").is(Reminder.State.PENDING).and("fireAt").lte(this.clock.instant()),
				where("state").is(Reminder.State.SENDING));
		return this.mongo.count(new Query(due), Reminder.COLLECTION)
			.timeout(TIMEOUT)
			.doOnNext((count) -> this.due = count)
			.onErrorResume((ex) -> {
				logger.warn("Reminder queue not measured: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

}
