package org.taskflow.user.profiles;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A daily window, in the person's own time zone, in which no email is sent. It may wrap
 * midnight ({@code 22:00} to {@code 07:00}); {@code start} is inclusive, {@code end}
 * exclusive.
 */
record QuietHours(@NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") @Nullable String start,
		@NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") @Nullable String end) {

	static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

	/** An empty window (or a whole day) is more likely a mistake than a wish. */
	@JsonIgnore
	@AssertTrue(message = "start and end must differ")
	boolean isDistinct() {
		return this.start == null || !this.start.equals(this.end);
	}

}
