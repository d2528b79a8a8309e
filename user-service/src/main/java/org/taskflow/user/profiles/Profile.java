package org.taskflow.user.profiles;

import java.text.Normalizer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.taskflow.support.events.OutboxEvent;

/**
 * One person's profile as stored in {@code profiles}; {@code _id} is the user id from
 * auth-service, so a profile can only be created once. {@code searchKeys} and
 * {@code nameKey} are maintained from the name and email on every write so that search is
 * an anchored prefix match (names) or an equality (the email) on an indexed, normalised
 * field. A deleted profile is a tombstone: only its id, {@code deleted} and
 * {@code deletedAt} remain (and its outbox until the relay empties it). {@code outbox}
 * holds the events of the document's changes until the relay has published them.
 */
record Profile(@Id String id, @Nullable String email, @Nullable String displayName, @Nullable String avatarUrl,
		@Nullable String bio, @Nullable String timeZone, @Nullable String locale,
		@Nullable Map<NotificationKind, Channels> notifications, @Nullable QuietHours quietHours,
		@Nullable List<String> searchKeys, @Nullable String nameKey, boolean active, boolean deleted,
		@Nullable Instant createdAt, @Nullable Instant updatedAt, @Nullable Instant deletedAt, long version,
		@Nullable List<OutboxEvent> outbox) {

	static final String COLLECTION = "profiles";

	static final String DEFAULT_TIME_ZONE = "UTC";

	/** A new person's profile: their name and email from registration, defaults else. */
	static Profile registered(String userId, String email, String displayName, Instant now) {
		return new Profile(userId, email, displayName, null, null, DEFAULT_TIME_ZONE, null, effective(Map.of()), null,
				searchKeys(displayName, email), normalise(displayName), true, false, now, now, null, 0, null);
	}

	/** This profile with these events waiting in its outbox. */
	Profile withOutbox(List<OutboxEvent> events) {
		return new Profile(this.id, this.email, this.displayName, this.avatarUrl, this.bio, this.timeZone, this.locale,
				this.notifications, this.quietHours, this.searchKeys, this.nameKey, this.active, this.deleted,
				this.createdAt, this.updatedAt, this.deletedAt, this.version, List.copyOf(events));
	}

	/** What the owner may change, with defaults filled in. */
	EditableProfile editable() {
		return new EditableProfile(String.valueOf(this.displayName), this.avatarUrl, this.bio,
				(this.timeZone != null) ? this.timeZone : DEFAULT_TIME_ZONE, this.locale, effective(this.notifications),
				this.quietHours);
	}

	/** Every kind, the stored choice where there is one, the kind's default else. */
	static Map<NotificationKind, Channels> effective(@Nullable Map<NotificationKind, Channels> stored) {
		Map<NotificationKind, Channels> all = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			Channels chosen = (stored != null) ? stored.get(kind) : null;
			all.put(kind, (chosen != null) ? chosen : kind.defaults());
		}
		return all;
	}

	/**
	 * What search matches, normalised like the query: the whole name and each word of it
	 * by prefix, and the email only as a whole (see {@link ProfileService#search}).
	 */
	static List<String> searchKeys(@Nullable String displayName, @Nullable String email) {
		Set<String> keys = new LinkedHashSet<>();
		if (displayName != null) {
			String name = normalise(displayName);
			keys.add(name);
			for (String word : name.split("[\\s\\-_.,'\"()]+")) {
				if (!word.isEmpty()) {
					keys.add(word);
				}
			}
		}
		if (email != null) {
			keys.add(normalise(email));
		}
		keys.remove("");
		return List.copyOf(keys);
	}

	/**
	 * Compatibility-folded, trimmed, lower case: "Ａda" and "ada" are the same prefix.
	 */
	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
	}

}
