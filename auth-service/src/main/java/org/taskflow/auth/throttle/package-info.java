/**
 * Throttling of password guesses, one throttle for every way a password is checked: the
 * API login, the login form of the authorization-code flow and the password change. The
 * attacker is throttled, not the person attacked (OWASP Authentication and Credential
 * Stuffing cheat sheets): failures count per account and source together, a device cookie
 * or a source that logged in before still gets in, and the state is in Redis, so every
 * replica enforces it.
 */
@NullMarked
package org.taskflow.auth.throttle;

import org.jspecify.annotations.NullMarked;
