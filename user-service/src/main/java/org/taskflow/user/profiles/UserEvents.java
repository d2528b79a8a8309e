package org.taskflow.user.profiles;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The events this service publishes on {@code taskflow.user.user-events.v1}, keyed by
 * user id; the contract is {@code events/user-events.v1.schema.json} (docs/contracts.md).
 * Both profile events carry the complete current state, so a consumer's projection is
 * right after any one of them, and both are also published once when a profile is
 * created, so consumers learn the defaults instead of guessing them.
 */
final class UserEvents {

	static final String TOPIC = "taskflow.user.user-events.v1";

	static final String PROFILE_UPDATED = "taskflow.user.UserProfileUpdated.v1";

	static final String PREFERENCES_CHANGED = "taskflow.user.UserPreferencesChanged.v1";

	static final String DELETED = "taskflow.user.UserDeleted.v1";

	private UserEvents() {
	}

	record UserProfileUpdated(String userId, String displayName, @Nullable String avatarUrl, String timeZone,
			@Nullable String locale) {

		static UserProfileUpdated of(String userId, EditableProfile profile) {
			return new UserProfileUpdated(userId, profile.displayName(), profile.avatarUrl(), profile.timeZone(),
					profile.locale());
		}

	}

	/**
	 * {@code preferences}: one {@code {inApp, email}} per kind, and {@code quietHours}
	 * ({@code {start, end}} or {@code null}).
	 */
	record UserPreferencesChanged(String userId, String timeZone, Map<String, @Nullable Object> preferences) {

		static UserPreferencesChanged of(String userId, EditableProfile profile) {
			Map<String, @Nullable Object> preferences = new LinkedHashMap<>();
			profile.notifications().forEach((kind, channels) -> preferences.put(kind.name(), channels));
			QuietHours quietHours = profile.quietHours();
			preferences.put("quietHours",
					(quietHours != null) ? Map.of("start", quietHours.start(), "end", quietHours.end()) : null);
			return new UserPreferencesChanged(userId, profile.timeZone(), preferences);
		}

	}

	record UserDeleted(String userId, Instant deletedAt) {

	}

}
