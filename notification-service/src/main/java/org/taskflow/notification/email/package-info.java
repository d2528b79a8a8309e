/**
 * Email over SMTP. A notification that goes by email becomes a delivery record (same id
 * as the notification, inserted only if absent); a poller claims due deliveries one by
 * one with a lease, sends each on a scheduler of its own (JavaMailSender blocks), and
 * records the outcome: sent, retried later with exponential backoff, or permanently
 * failed after the last attempt. One address failing never holds up another's mail.
 */
@NullMarked
package org.taskflow.notification.email;

import org.jspecify.annotations.NullMarked;
