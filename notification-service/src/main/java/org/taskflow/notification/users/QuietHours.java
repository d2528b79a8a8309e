package org.taskflow.notification.users;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily window, in the user's own time zone, in which no email is sent; it may cross
 * midnight ({@code 22:00}–{@code 07:00}). Equal start and end mean no window.
 */
public record QuietHours(LocalTime start, LocalTime end) {

	/**
	 * When an email wanted at {@code now} may go: {@code now} outside the window, the end
	 * of the window inside it.
	 */
	public Instant releaseAt(Instant now, ZoneId zone) {
		if (this.start.equals(this.end)) {
			return now;
		}
		LocalDateTime local = LocalDateTime.ofInstant(now, zone);
		LocalTime time = local.toLocalTime();
		boolean crossesMidnight = this.start.isAfter(this.end);
		boolean quiet = crossesMidnight ? (!time.isBefore(this.start) || time.isBefore(this.end))
				: (!time.isBefore(this.start) && time.isBefore(this.end));
		if (!quiet) {
			return now;
		}
		LocalDateTime end = local.toLocalDate().atTime(this.end);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return end.atZone(zone).toInstant();
	}

}
