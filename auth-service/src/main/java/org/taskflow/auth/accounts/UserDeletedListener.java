package org.taskflow.auth.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes user-service's {@code UserDeleted}: the credentials go and every session ends.
 * Deleting is idempotent, so a redelivered event changes nothing; a record that cannot be
 * read is retried and then sent to the dead-letter topic by the container's error
 * handler.
 */
@Component
class UserDeletedListener {

	static final String TOPIC = "taskflow.user.user-events.v1";

	static final String TYPE = "taskflow.user.UserDeleted.v1";

	private static final Logger logger = LoggerFactory.getLogger(UserDeletedListener.class);

	private final AccountService accounts;

	private final JsonMapper json;

	UserDeletedListener(AccountService accounts, JsonMapper json) {
		this.accounts = accounts;
		this.json = json;
	}

	@KafkaListener(topics = TOPIC, groupId = "auth-service")
	void on(String record) {
		Envelope event = this.json.readValue(record, Envelope.class);
		if (TYPE.equals(event.type())) {
			logger.info("User {} deleted (event {}): removing credentials", event.data().userId(), event.id());
			this.accounts.delete(event.data().userId());
		}
	}

	/** The fields of the CloudEvent this consumer reads. */
	record Envelope(String id, String type, UserDeleted data) {
	}

	record UserDeleted(String userId) {
	}

}
