/**
 * The users this service notifies, as a projection of auth and user events: address,
 * names, time zone, preferences and quiet hours. Each group of fields remembers the time
 * of the event that set it, so a redelivered or late event never overwrites a newer one.
 * A disabled user stays disabled (no event enables an account again) and is sent nothing;
 * a deleted user stays as a tombstone without personal data so that a late event cannot
 * bring them back.
 */
@NullMarked
package org.taskflow.notification.users;

import org.jspecify.annotations.NullMarked;
