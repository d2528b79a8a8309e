/**
 * What a person is told, and the API to read it. {@link Notifier} turns a {@link Notice}
 * into a stored in-app notification, a live message and an email, as the recipient's
 * preferences say. A notification's id is derived from the cause (event id, recipient,
 * kind) and inserted only if absent, so an event delivered twice has one user-visible
 * effect.
 */
@NullMarked
package org.taskflow.notification.notifications;

import org.jspecify.annotations.NullMarked;
