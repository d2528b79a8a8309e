package org.taskflow.auth.sessions;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.taskflow.auth.accounts.Account;
import org.taskflow.auth.accounts.AccountService;
import org.taskflow.auth.throttle.LoginThrottle;
import org.taskflow.auth.throttle.Source;
import org.taskflow.support.web.ApiException;

/**
 * First-party sessions: a login starts one (a refresh-token family), each refresh rotates
 * its token and issues a new access token, a logout ends it. Failed logins are throttled;
 * a refresh of a disabled or deleted account ends the session.
 */
@Service
class Sessions {

	private final AccountService accounts;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final LoginThrottle throttle;

	Sessions(AccountService accounts, RefreshTokens refreshTokens, AccessTokens accessTokens, LoginThrottle throttle) {
		this.accounts = accounts;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.throttle = throttle;
	}

	/** Starts a session for the right password; a wrong one counts against the source. */
	Started login(String email, String password, Client client, Source source) {
		LoginThrottle.Attempt attempt = this.throttle.begin(email, source);
		Account account = this.accounts.authenticate(email, password).orElse(null);
		if (account == null) {
			attempt.failed();
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Email or password is wrong.");
		}
		attempt.succeeded();
		RefreshTokens.Issued issued = this.refreshTokens.startFamily(account.id(), client.userAgent(),
				client.address());
		return started(account, issued.token(), issued.familyId());
	}

	Started refresh(String refreshToken, Client client) {
		RefreshTokens.Rotation rotation = this.refreshTokens.rotate(refreshToken, client.userAgent(), client.address());
		if (!(rotation instanceof RefreshTokens.Rotation.Rotated rotated)) {
			throw invalidRefreshToken();
		}
		Account account;
		try {
			account = this.accounts.active(rotated.userId());
		}
		catch (ApiException ex) {
			this.refreshTokens.revoke(rotated.familyId());
			throw invalidRefreshToken();
		}
		return started(account, rotated.token(), rotated.familyId());
	}

	void logout(String refreshToken) {
		this.refreshTokens.familyOf(refreshToken).ifPresent(this.refreshTokens::revoke);
	}

	void logoutEverywhere(String userId) {
		this.refreshTokens.revokeAll(userId, null);
	}

	List<RefreshTokens.Session> of(String userId) {
		return this.refreshTokens.sessions(userId);
	}

	void end(String userId, String sessionId) {
		if (!this.refreshTokens.revoke(userId, sessionId)) {
			throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "No such session.");
		}
	}

	private Started started(Account account, String refreshToken, String sessionId) {
		AccessTokens.AccessToken access = this.accessTokens.issue(account.id(),
				account.roles().stream().map(Enum::name).toList(), sessionId);
		return new Started(access, refreshToken);
	}

	private static ApiException invalidRefreshToken() {
		return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
				"The refresh token is not valid. Log in again.");
	}

	/** Who is asking: recorded with the session, shown in the list of sessions. */
	record Client(String userAgent, String address) {
	}

	/** A session's new tokens. */
	record Started(AccessTokens.AccessToken access, String refreshToken) {
	}

}
