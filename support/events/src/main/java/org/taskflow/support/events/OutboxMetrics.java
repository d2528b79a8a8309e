package org.taskflow.support.events;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox gauges, per collection that carries an outbox:
 * {@code taskflow.outbox.backlog} (documents with events not yet published) and
 * {@code taskflow.outbox.oldest.age} (how long the oldest of those events has waited).
 * Every replica reports the same collection, so a dashboard takes the max across
 * instances, not the sum. They read the last measurement ({@link OutboxBacklog}) and are
 * there from the start, at 0.
 */
final class OutboxMetrics implements MeterBinder {

	static final String BACKLOG = "taskflow.outbox.backlog";

	static final String OLDEST_AGE = "taskflow.outbox.oldest.age";

	private final OutboxBacklog backlog;

	private final List<String> collections;

	OutboxMetrics(OutboxBacklog backlog, List<String> collections) {
		this.backlog = backlog;
		this.collections = collections;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String collection : this.collections) {
			Gauge.builder(BACKLOG, this.backlog, (backlog) -> backlog.documents(collection))
				.description("Documents whose events are not published to Kafka yet")
				.tag("collection", collection)
				.register(registry);
			TimeGauge
				.builder(OLDEST_AGE, this.backlog, TimeUnit.MILLISECONDS,
						(backlog) -> backlog.oldestAge(collection).toMillis())
				.description("How long the oldest event not published yet has waited")
				.tag("collection", collection)
				.register(registry);
		}
	}

}
