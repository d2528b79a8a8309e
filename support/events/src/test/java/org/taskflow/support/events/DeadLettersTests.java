package org.taskflow.support.events;

import java.util.concurrent.TimeoutException;

import com.mongodb.MongoTimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTests {

	private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("t", 0, 0, "k", "v");

	@Test
	void deadLettersAndReplaysAreNamedByTopicAndGroup() {
		assertThat(DeadLetters.deadLetterTopic("taskflow.user.user-events.v1", "task-service"))
			.isEqualTo("taskflow.user.user-events.v1.task-service.dlt");
		assertThat(DeadLetters.replayTopic("taskflow.user.user-events.v1", "task-service"))
			.isEqualTo("taskflow.user.user-events.v1.task-service.replay");
		assertThat(DeadLetters.consumedTopic("taskflow.user.user-events.v1.task-service.replay", "task-service"))
			.isEqualTo("taskflow.user.user-events.v1");
		assertThat(DeadLetters.consumedTopic("taskflow.user.user-events.v1", "task-service"))
			.isEqualTo("taskflow.user.user-events.v1");
	}

	@Test
	void anOutageAnywhereInTheCausesIsRecognised() {
		assertThat(DeadLetters.isOutage(new ListenerExecutionFailedException("listener",
				new DataAccessResourceFailureException("down", new MongoTimeoutException("no server")))))
			.isTrue();
		assertThat(DeadLetters.isOutage(new ListenerExecutionFailedException("listener",
				Exceptions.propagate(new TimeoutException("Timeout on blocking read")))))
			.isTrue();
		assertThat(DeadLetters.isOutage(
				new ListenerExecutionFailedException("listener", new IllegalArgumentException("Event lacks data"))))
			.isFalse();
	}

	/** Longer than the minute of MongoDB outage the fault scenarios inflict. */
	@Test
	void anOutageIsRetriedBeyondSeveralMinutesAndAnyOtherFailureBriefly() {
		assertThat(totalWait(DeadLetters.backOff(RECORD,
				new ListenerExecutionFailedException("listener", new DataAccessResourceFailureException("down"))), 100))
			.isGreaterThan(10 * 60 * 1000);
		assertThat(
				totalWait(
						DeadLetters.backOff(RECORD,
								new ListenerExecutionFailedException("listener", new IllegalArgumentException("bad"))),
						100))
			.isLessThan(5000);
	}

	/** The pauses before the back-off gives up, summed over at most {@code tries}. */
	private static long totalWait(BackOff backOff, int tries) {
		BackOffExecution execution = backOff.start();
		long total = 0;
		for (int i = 0; i < tries; i++) {
			long next = execution.nextBackOff();
			if (next == BackOffExecution.STOP) {
				break;
			}
			total += next;
		}
		return total;
	}

}
