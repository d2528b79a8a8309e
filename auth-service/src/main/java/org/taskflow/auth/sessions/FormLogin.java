package org.taskflow.auth.sessions;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.taskflow.auth.accounts.Account;
import org.taskflow.auth.accounts.AccountService;
import org.taskflow.auth.accounts.AccountUser;
import org.taskflow.auth.throttle.LoginThrottle;
import org.taskflow.auth.throttle.Source;
import org.taskflow.support.web.ApiException;

/**
 * The login page of the authorization-code flow, checked the way the API login is: the
 * same accounts, the same {@link LoginThrottle} (a wrong password on the form counts as
 * on the API, and a throttled source is refused here too), the same device cookie on
 * success. It is the only {@link AuthenticationProvider}, so no other path checks a
 * password unthrottled.
 */
@Component
class FormLogin implements AuthenticationProvider, Customizer<FormLoginConfigurer<HttpSecurity>> {

	private final AccountService accounts;

	private final LoginThrottle throttle;

	FormLogin(AccountService accounts, LoginThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Override
	public void customize(FormLoginConfigurer<HttpSecurity> form) {
		SavedRequestAwareAuthenticationSuccessHandler back = new SavedRequestAwareAuthenticationSuccessHandler();
		form.authenticationDetailsSource(Source::of).successHandler((request, response, authentication) -> {
			response.addHeader(HttpHeaders.SET_COOKIE, this.throttle.deviceCookie(authentication.getName()).toString());
			back.onAuthenticationSuccess(request, response, authentication);
		});
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (!(authentication.getDetails() instanceof Source source)) {
			throw new InternalAuthenticationServiceException("The login form did not say where it was sent from");
		}
		String email = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		LoginThrottle.Attempt attempt;
		try {
			attempt = this.throttle.begin(email, source);
		}
		catch (ApiException throttled) {
			throw new LockedException(throttled.getMessage());
		}
		Account account;
		try {
			account = this.accounts.authenticate(email, password).orElse(null);
		}
		catch (ApiException disabled) {
			throw new DisabledException(disabled.getMessage());
		}
		if (account == null) {
			attempt.failed();
			throw new BadCredentialsException("Email or password is wrong.");
		}
		attempt.succeeded();
		AccountUser user = new AccountUser(account);
		// the password factor, with its time: the ID token's auth_time comes from it
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(user,
				null, authorities);
		// what the default form login keeps: the login's session and authorizations are
		// serialised, and the device cookie must not be stored with them
		authenticated.setDetails(new WebAuthenticationDetails(source.address(), null));
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
