package org.taskflow.auth.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.taskflow.support.events.CloudEvents;

/**
 * Consumes user-service's {@code UserDeleted}: the credentials go and every session ends.
 * Deleting is idempotent, so a redelivered event changes nothing; a record that cannot be
 * read goes to the dead-letter topic at once (support-events' error handler).
 */
@Component
class UserDeletedListener {

	static final String TOPIC = "taskflow.user.user-events.v1";

	static final String TYPE = "taskflow.user.UserDeleted.v1";

	private static final Logger logger = LoggerFactory.getLogger(UserDeletedListener.class);

	private final AccountService accounts;

	private final CloudEvents events;

	UserDeletedListener(AccountService accounts, CloudEvents events) {
		this.accounts = accounts;
		this.events = events;
	}

	@KafkaListener(topics = TOPIC, groupId = "auth-service")
	void on(String record) {
		this.events.readIf(record, TYPE, UserDeleted.class).ifPresent((event) -> {
			logger.info("User {} deleted (event {}): removing credentials", event.data().userId(), event.id());
			this.accounts.delete(event.data().userId());
		});
	}

	/** The field of {@code UserDeleted} this consumer reads. */
	record UserDeleted(String userId) {
	}

}
