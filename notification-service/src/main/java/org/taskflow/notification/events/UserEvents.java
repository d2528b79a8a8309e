package org.taskflow.notification.events;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.taskflow.notification.notifications.Kind;
import org.taskflow.notification.notifications.Notice;
import org.taskflow.notification.notifications.Notifier;
import org.taskflow.notification.reminders.Reminders;
import org.taskflow.notification.users.Channels;
import org.taskflow.notification.users.QuietHours;
import org.taskflow.notification.users.Users;
import org.taskflow.support.events.CloudEvent;
import org.taskflow.support.events.CloudEvents;

/**
 * What user events mean here: registration is a welcome, a sign-up with a taken address
 * tells its owner, profile and preference changes update the projection (and move
 * date-only reminders to a new time zone), disabling stops everything new for the person,
 * cancels their waiting emails and ends their live streams, deletion removes everything
 * of the person.
 */
@Component
class UserEvents {

	static final String REGISTERED = "taskflow.auth.UserRegistered.v1";

	static final String DISABLED = "taskflow.auth.UserDisabled.v1";

	static final String SIGNUP_ATTEMPTED = "taskflow.auth.SignupAttempted.v1";

	static final String PROFILE_UPDATED = "taskflow.user.UserProfileUpdated.v1";

	static final String PREFERENCES_CHANGED = "taskflow.user.UserPreferencesChanged.v1";

	static final String DELETED = "taskflow.user.UserDeleted.v1";

	private final CloudEvents events;

	private final Users users;

	private final Notifier notifier;

	private final Reminders reminders;

	UserEvents(CloudEvents events, Users users, Notifier notifier, Reminders reminders) {
		this.events = events;
		this.users = users;
		this.notifier = notifier;
		this.reminders = reminders;
	}

	Mono<Void> handle(String record) {
		return switch (this.events.type(record)) {
			case REGISTERED -> registered(this.events.read(record, UserRegistered.class));
			case DISABLED -> disabled(this.events.read(record, UserDisabled.class));
			case SIGNUP_ATTEMPTED -> signupAttempted(this.events.read(record, SignupAttempted.class));
			case PROFILE_UPDATED -> profileUpdated(this.events.read(record, UserProfileUpdated.class));
			case PREFERENCES_CHANGED -> preferencesChanged(this.events.read(record, UserPreferencesChanged.class));
			case DELETED -> deleted(this.events.read(record, UserDeleted.class));
			default -> Mono.empty();
		};
	}

	private Mono<Void> registered(CloudEvent<UserRegistered> event) {
		UserRegistered data = event.data();
		return this.users.registered(data.userId(), data.email(), data.displayName(), event.time())
			.then(this.notifier.notify(new Notice(event.id(), data.userId(), Kind.WELCOME, null, null, null, null)));
	}

	/**
	 * Tells the owner of the address. The notice's cause is the account and the hour of
	 * the attempt, not the event, so repeated sign-ups with someone's address (each a new
	 * event) send them at most one email an hour.
	 */
	private Mono<Void> signupAttempted(CloudEvent<SignupAttempted> event) {
		SignupAttempted data = event.data();
		String cause = "signup-attempted:" + data.attemptedAt().truncatedTo(ChronoUnit.HOURS);
		return this.notifier.notify(new Notice(cause, data.userId(), Kind.SIGNUP_ATTEMPTED, null, null, null, null));
	}

	/**
	 * Cancelling changes nothing the second time, so a redelivered or older event may
	 * repeat it: the account is disabled either way.
	 */
	private Mono<Void> disabled(CloudEvent<UserDisabled> event) {
		String userId = event.data().userId();
		return this.users.disabled(userId, event.time()).then(this.notifier.silence(userId));
	}

	private Mono<Void> profileUpdated(CloudEvent<UserProfileUpdated> event) {
		UserProfileUpdated data = event.data();
		return this.users
			.profileUpdated(data.userId(), data.displayName(), data.timeZone(), data.locale(), event.time())
			.then(this.reminders.rezone(data.userId()));
	}

	private Mono<Void> preferencesChanged(CloudEvent<UserPreferencesChanged> event) {
		UserPreferencesChanged data = event.data();
		Map<String, Channels> channels = new LinkedHashMap<>();
		QuietHours quietHours = null;
		if (data.preferences() != null) {
			for (Map.Entry<String, JsonNode> entry : data.preferences().properties()) {
				JsonNode value = entry.getValue();
				if ("quietHours".equals(entry.getKey())) {
					quietHours = quietHours(value);
				}
				else if (value.isObject()) {
					channels.put(entry.getKey(),
							new Channels(value.path("inApp").asBoolean(true), value.path("email").asBoolean(true)));
				}
			}
		}
		return this.users.preferencesChanged(data.userId(), data.timeZone(), channels, quietHours, event.time())
			.then(this.reminders.rezone(data.userId()));
	}

	private Mono<Void> deleted(CloudEvent<UserDeleted> event) {
		String userId = event.data().userId();
		return this.users.deleted(userId, event.time())
			.then(this.notifier.forget(userId))
			.then(this.reminders.forget(userId));
	}

	/**
	 * Null when absent or not two {@code HH:mm} times (an unreadable value is no window).
	 */
	private static @Nullable QuietHours quietHours(JsonNode value) {
		if (!value.isObject() || !value.path("start").isString() || !value.path("end").isString()) {
			return null;
		}
		try {
			return new QuietHours(LocalTime.parse(value.path("start").asString()),
					LocalTime.parse(value.path("end").asString()));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	record UserRegistered(String userId, String email, @Nullable String displayName) {
	}

	record UserDisabled(String userId) {
	}

	record SignupAttempted(String userId, Instant attemptedAt) {
	}

	record UserProfileUpdated(String userId, @Nullable String displayName, @Nullable String timeZone,
			@Nullable String locale) {
	}

	record UserPreferencesChanged(String userId, @Nullable String timeZone, @Nullable JsonNode preferences) {
	}

	record UserDeleted(String userId) {
	}

}
