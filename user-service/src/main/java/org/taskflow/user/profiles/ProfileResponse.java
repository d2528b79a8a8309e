package org.taskflow.user.profiles;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The owner's view of their profile, every preference with its effective value. */
record ProfileResponse(String id, @Nullable String email, String displayName, @Nullable String avatarUrl,
		@Nullable String bio, String timeZone, @Nullable String locale, Map<NotificationKind, Channels> notifications,
		@Nullable QuietHours quietHours, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

	static ProfileResponse of(Profile profile) {
		EditableProfile editable = profile.editable();
		return new ProfileResponse(profile.id(), profile.email(), editable.displayName(), editable.avatarUrl(),
				editable.bio(), editable.timeZone(), editable.locale(), editable.notifications(), editable.quietHours(),
				profile.createdAt(), profile.updatedAt());
	}

}
