package org.taskflow.support.events;

import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A consumed record that keeps failing goes to {@code <topic>-dlt}, with the exception in
 * its headers, and the consumer moves on; one that cannot even be read goes there at
 * once, since retrying cannot fix it.
 */
public final class DeadLetters {

	/** The suffix of every dead-letter topic. */
	public static final String SUFFIX = "-dlt";

	private DeadLetters() {
	}

	static DefaultErrorHandler errorHandler(KafkaTemplate<?, ?> template) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + SUFFIX, -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxAttempts(3);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(JacksonException.class);
		return handler;
	}

}
