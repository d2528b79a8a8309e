package org.taskflow.notification.email;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailPropertiesTests {

	@Test
	void backoffDoublesUpToItsCeiling() {
		EmailProperties properties = new EmailProperties("TaskFlow <noreply@taskflow.test>", 6, Duration.ofSeconds(30),
				Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(2), 20, 4);
		assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(240));
		assertThat(properties.backoff(5)).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.backoff(60)).isEqualTo(Duration.ofMinutes(5));
	}

}
