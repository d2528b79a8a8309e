package org.taskflow.auth.accounts;

import java.time.Instant;

/**
 * The events this service publishes on {@code taskflow.auth.user-events.v1}; the contract
 * is {@code events/user-events.v1.schema.json}. No secrets, ever.
 */
final class UserEvents {

	static final String REGISTERED = "taskflow.auth.UserRegistered.v1";

	static final String DISABLED = "taskflow.auth.UserDisabled.v1";

	static final String PASSWORD_CHANGED = "taskflow.auth.UserPasswordChanged.v1";

	static final String SIGNUP_ATTEMPTED = "taskflow.auth.SignupAttempted.v1";

	private UserEvents() {
	}

	record UserRegistered(String userId, String email, String displayName, Instant registeredAt) {
	}

	record UserDisabled(String userId, Instant disabledAt) {
	}

	record UserPasswordChanged(String userId, Instant changedAt) {
	}

	/** Someone tried to sign up with the address of this existing account. */
	record SignupAttempted(String userId, Instant attemptedAt) {
	}

}
