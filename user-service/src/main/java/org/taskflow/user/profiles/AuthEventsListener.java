package org.taskflow.user.profiles;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.taskflow.support.events.CloudEvent;
import org.taskflow.support.events.CloudEvents;

/**
 * Consumes auth-service's user events: a registration creates the profile, disabling an
 * account marks it inactive. Both handlers are idempotent by nature (an insert keyed by
 * the user id; setting a flag), so a redelivered event changes nothing and no
 * processed-id set is needed. Waiting for the write here keeps one user's events in
 * order; a record that keeps failing, or cannot be read, ends on the dead-letter topic.
 */
@Component
class AuthEventsListener {

	static final String TOPIC = "taskflow.auth.user-events.v1";

	static final String REGISTERED = "taskflow.auth.UserRegistered.v1";

	static final String DISABLED = "taskflow.auth.UserDisabled.v1";

	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(AuthEventsListener.class);

	private final ProfileService profiles;

	private final CloudEvents events;

	AuthEventsListener(ProfileService profiles, CloudEvents events) {
		this.profiles = profiles;
		this.events = events;
	}

	@KafkaListener(topics = TOPIC, groupId = "user-service")
	void on(String record) {
		switch (this.events.type(record)) {
			case REGISTERED -> {
				CloudEvent<UserRegistered> event = this.events.read(record, UserRegistered.class);
				UserRegistered data = required(event.data(), event);
				boolean created = Boolean.TRUE.equals(
						this.profiles
							.register(required(data.userId(), event), required(data.email(), event),
									(data.displayName() != null) ? data.displayName() : "")
							.block(WRITE_TIMEOUT));
				logger.info("UserRegistered {} for {}: {}", event.id(), data.userId(),
						created ? "profile created" : "profile existed");
			}
			case DISABLED -> {
				CloudEvent<UserDisabled> event = this.events.read(record, UserDisabled.class);
				this.profiles.disable(required(required(event.data(), event).userId(), event)).block(WRITE_TIMEOUT);
			}
			default -> {
				// other auth events (password changes) are not about profiles
			}
		}
	}

	private static <T> T required(@Nullable T value, CloudEvent<?> event) {
		if (value == null) {
			throw new IllegalArgumentException("Event " + event.id() + " of type " + event.type() + " lacks data");
		}
		return value;
	}

	/** The fields of auth-service's {@code UserRegistered} this service reads. */
	record UserRegistered(@Nullable String userId, @Nullable String email, @Nullable String displayName) {
	}

	/** The fields of auth-service's {@code UserDisabled} this service reads. */
	record UserDisabled(@Nullable String userId) {
	}

}
