package org.taskflow.auth.oauth;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.taskflow.auth.accounts.Account;
import org.taskflow.auth.accounts.AccountService;
import org.taskflow.support.web.ApiException;

/**
 * The UserInfo response (OIDC Core §5.3): {@code sub}, and the standard claims of the
 * scopes the access token was granted, from what auth-service owns, the account:
 * {@code profile} gives {@code name}, {@code email} gives {@code email} and
 * {@code email_verified} (false: TaskFlow does not verify addresses). Avatar, time zone
 * and locale belong to user-service's profile and are not claims here, so the answer
 * never needs a call to another service.
 */
public final class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	/** The claims this endpoint can return, for discovery's {@code claims_supported}. */
	public static final List<String> SUPPORTED = List.of(StandardClaimNames.SUB, StandardClaimNames.NAME,
			StandardClaimNames.EMAIL, StandardClaimNames.EMAIL_VERIFIED);

	private final AccountService accounts;

	public UserInfoClaims(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization.Token<OidcIdToken> idToken = context.getAuthorization().getToken(OidcIdToken.class);
		if (idToken == null) {
			throw invalidToken();
		}
		// the subject of our tokens is the account id (TokenCustomizer), not the email
		// the form took
		String subject = idToken.getToken().getSubject();
		Account account;
		try {
			account = this.accounts.active(subject);
		}
		catch (ApiException ex) {
			// deleted or disabled since the token was issued
			throw invalidToken();
		}
		Set<String> scopes = context.getAccessToken().getScopes();
		OidcUserInfo.Builder claims = OidcUserInfo.builder().subject(account.id());
		if (scopes.contains(OidcScopes.PROFILE)) {
			claims.name(account.displayName());
		}
		if (scopes.contains(OidcScopes.EMAIL)) {
			claims.email(account.email()).emailVerified(false);
		}
		return claims.build();
	}

	private static OAuth2AuthenticationException invalidToken() {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
				"The account behind this token no longer exists or is disabled.", null));
	}

}
