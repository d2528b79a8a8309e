package org.taskflow.auth.accounts;

import java.io.Serial;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A logged-in person: the username is the email, {@link #id()} the stable user id.
 */
public final class AccountUser extends User {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String id;

	public AccountUser(Account account) {
		super(account.email(), account.passwordHash(), account.status() == Account.Status.ACTIVE, true, true, true,
				account.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
		this.id = account.id();
	}

	public String id() {
		return this.id;
	}

}
