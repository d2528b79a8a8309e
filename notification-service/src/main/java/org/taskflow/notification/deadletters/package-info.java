/**
 * Replaying dead letters: an administrator moves the records of {@code <topic>-dlt} back
 * onto {@code <topic>} once the cause is fixed. Consumers are idempotent, so a record
 * replayed twice does no harm.
 */
@NullMarked
package org.taskflow.notification.deadletters;

import org.jspecify.annotations.NullMarked;
