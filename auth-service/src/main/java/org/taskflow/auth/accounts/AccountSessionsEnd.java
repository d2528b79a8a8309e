package org.taskflow.auth.accounts;

import org.jspecify.annotations.Nullable;

/**
 * Published when an account change ends its sessions: a new password (every session but
 * the one that changed it), disabling or deleting the account (all of them).
 *
 * @param userId the account
 * @param keep the session that stays, or null for none
 */
public record AccountSessionsEnd(String userId, @Nullable String keep) {

}
