/**
 * Profiles and notification preferences: created from auth-service's
 * {@code UserRegistered}, edited by their owner, looked up by other services and by
 * people picking an assignee. Every change that others must learn about is one
 * single-document write that also carries its events in the document's outbox.
 */
@NullMarked
package org.taskflow.user.profiles;

import org.jspecify.annotations.NullMarked;
