package org.taskflow.user.profiles;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/users/me}: only the fields present change. A class, not a
 * record, because a partial update needs three states per field and Jackson gives a
 * record's absent {@code Optional} the same value as an explicit {@code null}: here a
 * field is {@code null} when absent (left alone), {@code Optional.empty()} when sent as
 * {@code null} (cleared: avatar, bio, locale, quiet hours; rejected for the name and the
 * time zone) and {@code Optional.of(value)} when set.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType")
final class ProfilePatch {

	private @Nullable Optional<@NotBlank(message = "must not be blank") @Size(max = 100) @Pattern(
			regexp = "[^\\p{Cc}]*", message = "must not contain control characters") String> displayName;

	private @Nullable Optional<@HttpsUrl String> avatarUrl;

	private @Nullable Optional<@Size(max = 500) String> bio;

	private @Nullable Optional<@NotNull @TimeZoneId String> timeZone;

	private @Nullable Optional<@LanguageTag String> locale;

	private @Nullable Map<NotificationKind, @NotNull @Valid ChannelsPatch> notifications;

	private @Nullable Optional<@Valid QuietHours> quietHours;

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = Optional.ofNullable(displayName);
	}

	public void setAvatarUrl(@Nullable String avatarUrl) {
		this.avatarUrl = Optional.ofNullable(avatarUrl);
	}

	public void setBio(@Nullable String bio) {
		this.bio = Optional.ofNullable(bio);
	}

	public void setTimeZone(@Nullable String timeZone) {
		this.timeZone = Optional.ofNullable(timeZone);
	}

	public void setLocale(@Nullable String locale) {
		this.locale = Optional.ofNullable(locale);
	}

	public void setNotifications(@Nullable Map<NotificationKind, ChannelsPatch> notifications) {
		this.notifications = notifications;
	}

	public void setQuietHours(@Nullable QuietHours quietHours) {
		this.quietHours = Optional.ofNullable(quietHours);
	}

	/** The profile with this patch applied; validated before. */
	EditableProfile applyTo(EditableProfile current) {
		Map<NotificationKind, Channels> notifications = new EnumMap<>(current.notifications());
		if (this.notifications != null) {
			this.notifications
				.forEach((kind, change) -> notifications.put(kind, change.applyTo(notifications.get(kind))));
		}
		return new EditableProfile(
				(this.displayName != null) ? this.displayName.orElseThrow().strip() : current.displayName(),
				(this.avatarUrl != null) ? this.avatarUrl.orElse(null) : current.avatarUrl(),
				(this.bio != null)
						? this.bio.map(String::strip).filter((bio) -> !bio.isEmpty()).orElse(null) : current.bio(),
				(this.timeZone != null) ? this.timeZone.orElseThrow() : current.timeZone(),
				(this.locale != null)
						? this.locale.map((tag) -> Locale.forLanguageTag(tag).toLanguageTag()).orElse(null)
						: current.locale(),
				notifications, (this.quietHours != null) ? this.quietHours.orElse(null) : current.quietHours());
	}

	/** One kind's channels; a channel left out keeps its setting. */
	record ChannelsPatch(@Nullable Boolean inApp, @Nullable Boolean email) {

		Channels applyTo(Channels current) {
			return new Channels((this.inApp != null) ? this.inApp : current.inApp(),
					(this.email != null) ? this.email : current.email());
		}

	}

}
