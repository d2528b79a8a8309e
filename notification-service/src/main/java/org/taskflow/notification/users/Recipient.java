package org.taskflow.notification.users;

import java.time.ZoneId;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the notification path knows about a person.
 *
 * @param id the user id
 * @param email where email goes, or null while unknown
 * @param displayName how others see them, or null while unknown
 * @param zone their time zone (UTC until they pick one)
 * @param channels their choice per notification kind (by kind name); missing kinds get
 * {@link Channels#ALL}
 * @param quietHours their quiet hours, or null
 * @param disabled the account is disabled: nothing new is sent, held-back email included
 * @param deleted the account is gone: nothing is sent any more
 */
public record Recipient(String id, @Nullable String email, @Nullable String displayName, ZoneId zone,
		Map<String, Channels> channels, @Nullable QuietHours quietHours, boolean disabled, boolean deleted) {

	public Channels channels(String kind) {
		return this.channels.getOrDefault(kind, Channels.ALL);
	}

	/** Disabled or deleted: told nothing new, on any channel. */
	public boolean silenced() {
		return this.disabled || this.deleted;
	}

}
