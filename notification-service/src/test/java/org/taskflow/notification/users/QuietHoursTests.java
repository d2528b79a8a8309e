package org.taskflow.notification.users;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

	@Test
	void outsideTheWindowAnEmailGoesAtOnce() {
		Instant noon = at(2026, 3, 10, 12, 0);
		assertThat(this.night.releaseAt(noon, PARIS)).isEqualTo(noon);
		assertThat(this.night.releaseAt(at(2026, 3, 10, 7, 0), PARIS)).isEqualTo(at(2026, 3, 10, 7, 0));
	}

	@Test
	void aWindowAcrossMidnightHoldsTheEmailUntilItsEndInTheUsersZone() {
		assertThat(this.night.releaseAt(at(2026, 3, 10, 23, 30), PARIS)).isEqualTo(at(2026, 3, 11, 7, 0));
		assertThat(this.night.releaseAt(at(2026, 3, 11, 2, 0), PARIS)).isEqualTo(at(2026, 3, 11, 7, 0));
		assertThat(this.night.releaseAt(at(2026, 3, 10, 22, 0), PARIS)).isEqualTo(at(2026, 3, 11, 7, 0));
	}

	@Test
	void aDaytimeWindowWorksToo() {
		QuietHours focus = new QuietHours(LocalTime.of(9, 0), LocalTime.of(12, 0));
		assertThat(focus.releaseAt(at(2026, 3, 10, 10, 0), PARIS)).isEqualTo(at(2026, 3, 10, 12, 0));
		assertThat(focus.releaseAt(at(2026, 3, 10, 8, 59), PARIS)).isEqualTo(at(2026, 3, 10, 8, 59));
	}

	@Test
	void theEndIsLocalTimeAcrossADaylightSavingChange() {
		// Paris moves its clocks forward in the night of 28 to 29 March 2026
		assertThat(this.night.releaseAt(at(2026, 3, 28, 23, 0), PARIS)).isEqualTo(at(2026, 3, 29, 7, 0));
	}

	@Test
	void equalStartAndEndMeanNoWindow() {
		Instant now = at(2026, 3, 10, 3, 0);
		assertThat(new QuietHours(LocalTime.of(3, 0), LocalTime.of(3, 0)).releaseAt(now, PARIS)).isEqualTo(now);
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant();
	}

}
