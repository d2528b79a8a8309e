package org.taskflow.auth.sessions;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.taskflow.auth.accounts.AccountSessionsEnd;

/**
 * Ends the sessions of an account whose credentials changed or that was disabled or
 * deleted, in the same call as the change (a synchronous event, so accounts need not know
 * sessions).
 */
@Component
class SessionsEnding {

	private final RefreshTokens refreshTokens;

	SessionsEnding(RefreshTokens refreshTokens) {
		this.refreshTokens = refreshTokens;
	}

	@EventListener
	void on(AccountSessionsEnd event) {
		this.refreshTokens.revokeAll(event.userId(), event.keep());
	}

}
