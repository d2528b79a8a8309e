package org.taskflow.notification.users;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One user as this service knows them. {@code registeredAt}, {@code profileAt},
 * {@code preferencesAt} and {@code zoneAt} are the event times that last set each group
 * of fields; {@code disabledAt}, when present, is the time of the newest UserDisabled
 * (there is no event that enables an account again).
 */
@Document(UserDocument.COLLECTION)
record UserDocument(@Id String id, @Nullable String email, @Nullable String registeredName,
		@Nullable String displayName, @Nullable String timeZone, @Nullable String locale,
		@Nullable Map<String, Channels> preferences, @Nullable String quietStart, @Nullable String quietEnd,
		@Nullable Instant registeredAt, @Nullable Instant profileAt, @Nullable Instant preferencesAt,
		@Nullable Instant zoneAt, @Nullable Instant disabledAt, @Nullable Instant deletedAt) {

	static final String COLLECTION = "users";

}
