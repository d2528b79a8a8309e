package org.taskflow.user.profiles;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The part of a profile its owner edits, complete (defaults filled in): what a change is
 * computed on and what the events carry.
 */
record EditableProfile(String displayName, @Nullable String avatarUrl, @Nullable String bio, String timeZone,
		@Nullable String locale, Map<NotificationKind, Channels> notifications, @Nullable QuietHours quietHours) {

	boolean sameProfileAs(EditableProfile other) {
		return this.displayName.equals(other.displayName) && Objects.equals(this.avatarUrl, other.avatarUrl)
				&& this.timeZone.equals(other.timeZone) && Objects.equals(this.locale, other.locale);
	}

	boolean samePreferencesAs(EditableProfile other) {
		return this.timeZone.equals(other.timeZone) && this.notifications.equals(other.notifications)
				&& Objects.equals(this.quietHours, other.quietHours);
	}

}
