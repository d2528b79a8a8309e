package org.taskflow.support.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Counts the records this service's consumer groups sent to their dead-letter topics:
 * {@code taskflow.deadletters.sent}, tagged with the topic the group consumes (a record
 * that failed again after a replay counts for that topic too) and the group, the two
 * names a replay takes ({@link DeadLetterReplay}). Every topic and group is there at 0
 * once the listeners are known, so the first dead letter is an increase Prometheus sees,
 * not the birth of a series.
 */
final class DeadLetterMetrics implements SmartInitializingSingleton {

	static final String SENT = "taskflow.deadletters.sent";

	private final MeterRegistry registry;

	private final ConsumerGroups groups;

	DeadLetterMetrics(MeterRegistry registry, ConsumerGroups groups) {
		this.registry = registry;
		this.groups = groups;
	}

	/** Every listener bean, and so every topic and group, has been processed by now. */
	@Override
	public void afterSingletonsInstantiated() {
		this.groups.consumed().forEach(this::counter);
	}

	void sent(ConsumerGroups.Consumed consumed) {
		counter(consumed).increment();
	}

	private Counter counter(ConsumerGroups.Consumed consumed) {
		return Counter.builder(SENT)
			.description("Records sent to a consumer group's dead-letter topic")
			.tag("topic", consumed.topic())
			.tag("group", consumed.group())
			.register(this.registry);
	}

}
