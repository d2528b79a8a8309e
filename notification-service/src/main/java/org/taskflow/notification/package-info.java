/**
 * notification-service: turns user and task events into in-app, live (SSE) and email
 * notifications. Feature packages: {@code users} and {@code tasks} are projections of
 * other services' events; {@code notifications} decides and stores what a person is told;
 * {@code reminders} schedules due-soon notices; {@code email} and {@code live} deliver;
 * {@code events} consumes Kafka; {@code deadletters} replays what failed.
 */
@NullMarked
package org.taskflow.notification;

import org.jspecify.annotations.NullMarked;
