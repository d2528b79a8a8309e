package org.taskflow.auth.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Accounts for the authorization-code login page; the principal carries the user id for
 * the {@code sub} claim.
 */
@Component
class AccountUserDetails implements UserDetailsService {

	private final AccountService accounts;

	AccountUserDetails(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		Account account = this.accounts.findByEmail(email);
		if (account == null) {
			throw new UsernameNotFoundException("unknown");
		}
		return new AccountUser(account);
	}

}
