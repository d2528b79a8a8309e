package org.taskflow.auth.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.taskflow.auth.AuthProperties;
import org.taskflow.auth.Emails;
import org.taskflow.auth.throttle.LoginThrottle;
import org.taskflow.auth.throttle.Source;
import org.taskflow.support.events.CloudEvents;
import org.taskflow.support.events.OutboxEvent;
import org.taskflow.support.web.ApiException;

/**
 * Credentials and their lifecycle. Every change is one document update carrying its
 * event.
 */
@Service
public class AccountService {

	private final MongoTemplate mongo;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher publisher;

	private final AuthProperties properties;

	private final Clock clock;

	private final CloudEvents events;

	private final LoginThrottle throttle;

	/**
	 * Compared against when an email is unknown, so that a miss costs as much time as a
	 * hit.
	 */
	private final String unknownAccountHash;

	AccountService(MongoTemplate mongo, PasswordEncoder passwords, ApplicationEventPublisher publisher,
			AuthProperties properties, Clock clock, CloudEvents events, LoginThrottle throttle) {
		this.mongo = mongo;
		this.passwords = passwords;
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
		this.throttle = throttle;
		this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * Creates the account, or, when the address has one, tells its owner by email that
	 * someone tried to sign up with it (a {@code SignupAttempted} event on the existing
	 * account). The caller cannot tell which happened: both hash the password and write
	 * one document, and both return nothing.
	 */
	void signup(String email, String password, String displayName) {
		String normalised = Emails.normalise(email);
		PasswordPolicy.check(password, normalised);
		Instant now = this.clock.instant();
		String id = UUID.randomUUID().toString();
		Set<Account.Role> roles = this.properties.adminEmails().contains(normalised)
				? Set.of(Account.Role.USER, Account.Role.ADMIN) : Set.of(Account.Role.USER);
		OutboxEvent registered = this.events.pending(UserEvents.REGISTERED, id,
				new UserEvents.UserRegistered(id, normalised, displayName.strip(), now));
		Account account = new Account(id, normalised, this.passwords.encode(password), displayName.strip(), roles,
				Account.Status.ACTIVE, now, List.of(registered));
		try {
			this.mongo.insert(account);
		}
		catch (DuplicateKeyException ex) {
			Account existing = findByEmail(normalised);
			if (existing != null) {
				this.mongo.updateFirst(byId(existing.id()),
						new Update().push(OutboxEvent.FIELD, this.events.pending(UserEvents.SIGNUP_ATTEMPTED,
								existing.id(), new UserEvents.SignupAttempted(existing.id(), now))),
						Account.class);
			}
		}
	}

	/**
	 * The account these credentials belong to, or none, alike (and as slowly) whether the
	 * email or the password is wrong. The caller counts the miss ({@code LoginThrottle}).
	 */
	public Optional<Account> authenticate(String email, String password) {
		Account account = this.mongo.findOne(byEmail(Emails.normalise(email)), Account.class);
		boolean matches = this.passwords.matches(password,
				(account != null) ? account.passwordHash() : this.unknownAccountHash);
		if (account == null || !matches) {
			return Optional.empty();
		}
		if (account.status() != Account.Status.ACTIVE) {
			throw new ApiException(HttpStatus.FORBIDDEN, "account-disabled", "This account is disabled.");
		}
		return Optional.of(account);
	}

	Account get(String id) {
		Account account = this.mongo.findById(id, Account.class);
		if (account == null) {
			throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "No such account.");
		}
		return account;
	}

	public Account active(String id) {
		Account account = get(id);
		if (account.status() != Account.Status.ACTIVE) {
			throw new ApiException(HttpStatus.FORBIDDEN, "account-disabled", "This account is disabled.");
		}
		return account;
	}

	/**
	 * Changes the password and ends every other session of the account. A wrong current
	 * password is a guess like a wrong login (a stolen access token must not become a
	 * free password oracle), so the same throttle counts it.
	 */
	void changePassword(String id, String currentPassword, String newPassword, @Nullable String currentSession,
			Source source) {
		Account account = active(id);
		LoginThrottle.Attempt attempt = this.throttle.begin(account.email(), source);
		if (!this.passwords.matches(currentPassword, account.passwordHash())) {
			attempt.failed();
			throw new ApiException(HttpStatus.BAD_REQUEST, "wrong-current-password", "The current password is wrong.");
		}
		attempt.succeeded();
		PasswordPolicy.check(newPassword, account.email());
		Instant now = this.clock.instant();
		this.mongo.updateFirst(byId(id), new Update().set("passwordHash", this.passwords.encode(newPassword))
			.push(OutboxEvent.FIELD,
					this.events.pending(UserEvents.PASSWORD_CHANGED, id, new UserEvents.UserPasswordChanged(id, now))),
				Account.class);
		this.publisher.publishEvent(new AccountSessionsEnd(id, currentSession));
	}

	/** Disables the account and ends all its sessions. Idempotent. */
	void disable(String id) {
		get(id);
		Instant now = this.clock.instant();
		this.mongo.updateFirst(byId(id).addCriteria(Criteria.where("status").is(Account.Status.ACTIVE)),
				new Update().set("status", Account.Status.DISABLED)
					.push(OutboxEvent.FIELD,
							this.events.pending(UserEvents.DISABLED, id, new UserEvents.UserDisabled(id, now))),
				Account.class);
		this.publisher.publishEvent(new AccountSessionsEnd(id, null));
	}

	/** Removes the credentials of a deleted user and ends all sessions. Idempotent. */
	void delete(String id) {
		this.publisher.publishEvent(new AccountSessionsEnd(id, null));
		this.mongo.remove(byId(id), Account.class);
	}

	List<Account> list(int page, int size) {
		return this.mongo.find(new Query().with(Sort.by("createdAt", "_id")).skip((long) page * size).limit(size),
				Account.class);
	}

	long count() {
		return this.mongo.count(new Query(), Account.class);
	}

	@Nullable Account findByEmail(String email) {
		return this.mongo.findOne(byEmail(Emails.normalise(email)), Account.class);
	}

	private static Query byId(String id) {
		return new Query(Criteria.where("_id").is(id));
	}

	private static Query byEmail(String email) {
		return new Query(Criteria.where("email").is(email));
	}

}
