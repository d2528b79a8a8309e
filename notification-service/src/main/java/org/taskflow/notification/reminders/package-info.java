/**
 * Due-soon reminders, scheduled durably in MongoDB ({@code reminders}): one per task and
 * responsible person (owner and assignees), firing {@code lead-time} before the task is
 * due. A task due on a date without a time counts as due at {@code date-only-due-time}
 * (09:00 by default) in the recipient's own time zone, so with the default 24 h lead the
 * reminder comes at 09:00 the day before. A reminder is sent once per due date; changing
 * the due date schedules it anew; completing or deleting the task cancels it. A poller
 * claims due reminders atomically with a lease, so replicas never fire one twice and a
 * crash only delays it.
 */
@NullMarked
package org.taskflow.notification.reminders;

import org.jspecify.annotations.NullMarked;
