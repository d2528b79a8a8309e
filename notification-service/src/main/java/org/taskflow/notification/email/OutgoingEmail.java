package org.taskflow.notification.email;

/**
 * An email to send.
 *
 * @param id the notification's id: the delivery is recorded under it, once
 * @param userId the recipient's user id (their deliveries go when their account does)
 * @param to the address
 * @param subject the subject
 * @param text the plain-text body
 * @param html the HTML body
 */
public record OutgoingEmail(String id, String userId, String to, String subject, String text, String html) {

}
