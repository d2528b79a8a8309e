/**
 * The Kafka consumers (group {@code notification-service}): user events from auth and
 * user-service, task events from task-service, read as CloudEvents into this service's
 * own records with only the fields it uses. Each listener waits for its event's reactive
 * handling on the consumer thread (never an event loop), which keeps a partition's events
 * in order; every effect is idempotent on the event id, so redelivery is harmless. A
 * failure is retried and then goes to {@code <topic>-dlt} (support-events' error
 * handler); an unreadable record goes there at once.
 */
@NullMarked
package org.taskflow.notification.events;

import org.jspecify.annotations.NullMarked;
