package org.taskflow.notification.email;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Email delivery settings.
 *
 * @param from the sender, e.g. {@code TaskFlow <noreply@taskflow.local>}
 * @param maxAttempts attempts before a delivery is permanently failed
 * @param initialBackoff wait after the first failure; doubles with each further one
 * @param maxBackoff the longest wait between attempts
 * @param pollInterval pause between rounds of the poller
 * @param lease how long a claimed delivery is reserved to its replica; after that another
 * replica may take it over (the first one died)
 * @param batchSize deliveries claimed per round
 * @param concurrency emails sent at once per replica
 */
@Validated
@ConfigurationProperties("taskflow.notifications.email")
public record EmailProperties(@NotBlank @DefaultValue("TaskFlow <noreply@taskflow.local>") String from,
		@Min(1) @DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("2m") Duration lease, @Min(1) @DefaultValue("20") int batchSize,
		@Min(1) @DefaultValue("4") int concurrency) {

	/** The wait after the {@code attempts}-th failed attempt. */
	Duration backoff(int attempts) {
		Duration wait = this.initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
