package org.taskflow.support.events;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Dead letters per consumer group. A record that group {@code g} keeps failing on goes to
 * {@code <topic>.<g>.dlt}, with the exception in its headers, and the consumer moves on;
 * one that cannot even be read goes there at once, since retrying cannot fix it. Another
 * group of the same topic neither sees that dead letter nor gets it again when it is
 * replayed: a replay moves it to {@code <topic>.<g>.replay}, which only group {@code g}'s
 * listener consumes besides {@code <topic>} ({@link ConsumerGroups}).
 * <p>
 * An outage of what the handling needs (MongoDB, Redis unreachable, a time-out) is not
 * the record's fault: it is retried, backing off to {@link #OUTAGE_MAX_INTERVAL}, until
 * the outage ends, so healthy events are never dead-lettered by it; the partition waits,
 * as it would have to anyway. Any other failure is retried {@link #ATTEMPTS} times within
 * a few seconds, then dead-lettered.
 */
public final class DeadLetters {

	/** How often a failure that is not an outage is tried in all. */
	static final int ATTEMPTS = 3;

	/** The longest pause between two tries during an outage. */
	static final Duration OUTAGE_MAX_INTERVAL = Duration.ofSeconds(15);

	private static final String DEAD_LETTER_SUFFIX = ".dlt";

	private static final String REPLAY_SUFFIX = ".replay";

	private DeadLetters() {
	}

	/** Where group {@code group}'s dead letters of {@code topic} go. */
	public static String deadLetterTopic(String topic, String group) {
		return topic + "." + group + DEAD_LETTER_SUFFIX;
	}

	/** Where a replay puts group {@code group}'s dead letters of {@code topic}. */
	public static String replayTopic(String topic, String group) {
		return topic + "." + group + REPLAY_SUFFIX;
	}

	/**
	 * The topic a record of {@code topic} belongs to for {@code group}: the topic itself,
	 * or, for its replay topic, the topic it was first published to.
	 */
	static String consumedTopic(String topic, String group) {
		String replay = "." + group + REPLAY_SUFFIX;
		return topic.endsWith(replay) ? topic.substring(0, topic.length() - replay.length()) : topic;
	}

	/**
	 * @param sent told of each record once it is on its dead-letter topic (the publisher
	 * waits for the broker's answer and throws when the send failed)
	 */
	static DefaultErrorHandler errorHandler(KafkaTemplate<?, ?> template, Consumer<ConsumerGroups.Consumed> sent) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(consumed(record).deadLetterTopic(), -1));
		ConsumerAwareRecordRecoverer recoverer = (record, consumer, ex) -> {
			publisher.accept(record, consumer, ex);
			sent.accept(consumed(record));
		};
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, failureBackOff());
		handler.setBackOffFunction(DeadLetters::backOff);
		// an outage that ends in a real failure (or the reverse) starts the right
		// back-off afresh
		handler.setResetStateOnExceptionChange(true);
		handler.addNotRetryableExceptions(JacksonException.class);
		return handler;
	}

	/**
	 * The topic and group a record failed in. The group is the one whose consumer thread
	 * is handling the record.
	 */
	private static ConsumerGroups.Consumed consumed(ConsumerRecord<?, ?> record) {
		String group = KafkaUtils.getConsumerGroupId();
		if (group == null) {
			throw new IllegalStateException("No consumer group for " + record.topic() + ": not a listener's thread");
		}
		return new ConsumerGroups.Consumed(consumedTopic(record.topic(), group), group);
	}

	/**
	 * Chosen when a record first fails, and again when the failure changes (spring-kafka
	 * resets a record's retry state on a new exception type).
	 */
	static BackOff backOff(ConsumerRecord<?, ?> record, Exception ex) {
		return isOutage(ex) ? outageBackOff() : failureBackOff();
	}

	private static BackOff failureBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxAttempts(ATTEMPTS);
		return backOff;
	}

	/** Unlimited: from 1 s doubling to {@link #OUTAGE_MAX_INTERVAL}. */
	private static BackOff outageBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
		backOff.setMaxInterval(OUTAGE_MAX_INTERVAL.toMillis());
		return backOff;
	}

	/**
	 * Whether a store or the network failed, anywhere in the cause chain (Spring's
	 * translated data-access exceptions, the MongoDB driver's own, a Reactor or client
	 * time-out).
	 */
	static boolean isOutage(@Nullable Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
					|| cause instanceof TimeoutException || cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

}
