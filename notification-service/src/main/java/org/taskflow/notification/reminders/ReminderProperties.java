package org.taskflow.notification.reminders;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reminder settings.
 *
 * @param leadTime how long before the due moment the reminder fires
 * @param dateOnlyDueTime the time of day, in the recipient's zone, at which a task due on
 * a date counts as due
 * @param pollInterval pause between rounds of the poller
 * @param lease how long a claimed reminder is reserved to its replica
 * @param batchSize reminders claimed per round
 */
@Validated
@ConfigurationProperties("taskflow.notifications.reminders")
record ReminderProperties(@DefaultValue("24h") Duration leadTime, @DefaultValue("09:00") LocalTime dateOnlyDueTime,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("1m") Duration lease,
		@Min(1) @DefaultValue("50") int batchSize) {

}
