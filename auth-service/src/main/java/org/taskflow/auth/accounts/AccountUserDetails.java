package org.taskflow.auth.accounts;

import java.io.Serial;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
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

	/**
	 * A logged-in person: the username is the email, {@link #id()} the stable user id.
	 */
	public static final class AccountUser extends User {

		@Serial
		private static final long serialVersionUID = 1L;

		private final String id;

		AccountUser(Account account) {
			super(account.email(), account.passwordHash(), account.status() == Account.Status.ACTIVE, true, true, true,
					account.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
			this.id = account.id();
		}

		public String id() {
			return this.id;
		}

	}

}
