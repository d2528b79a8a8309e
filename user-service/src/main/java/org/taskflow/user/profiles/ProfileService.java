package org.taskflow.user.profiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.taskflow.support.events.CloudEvents;
import org.taskflow.support.events.OutboxEvent;
import org.taskflow.support.web.ApiException;
import org.taskflow.support.web.Problems;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads and changes profiles. Every change is one conditional single-document write that
 * also pushes its events into the document's outbox, so a change and its events are
 * stored together or not at all (no multi-document transactions on this platform).
 */
@Service
class ProfileService {

	private static final Logger logger = LoggerFactory.getLogger(ProfileService.class);

	private static final int UPDATE_ATTEMPTS = 3;

	private final ReactiveMongoTemplate mongo;

	private final CloudEvents events;

	private final Clock clock;

	ProfileService(ReactiveMongoTemplate mongo, CloudEvents events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates the profile of a newly registered person, with their first events. The id
	 * is the user id, so a redelivered (or replayed) registration finds the profile, or
	 * its tombstone, already there and changes nothing: neither the person's later edits
	 * nor a deletion can be undone by it.
	 * @return whether a profile was created
	 */
	Mono<Boolean> register(String userId, String email, String displayName) {
		Profile profile = Profile.registered(userId, email, displayName, this.clock.instant());
		EditableProfile editable = profile.editable();
		return this.mongo
			.insert(profile.withOutbox(List.of(profileUpdated(userId, editable), preferencesChanged(userId, editable))),
					Profile.COLLECTION)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> {
				logger.debug("Profile of {} exists already; registration event ignored", userId);
				return Mono.just(false);
			});
	}

	/**
	 * auth-service disabled the account: lookups say so and search leaves the person out.
	 */
	Mono<Void> disable(String userId) {
		return this.mongo.updateFirst(byId(userId), new Update().set("active", false), Profile.COLLECTION).then();
	}

	/** The caller's own profile; 404 while the registration event has not arrived yet. */
	Mono<Profile> own(String userId) {
		return this.mongo.findById(userId, Profile.class, Profile.COLLECTION)
			.switchIfEmpty(Mono.error(ProfileService::notReady))
			.flatMap((profile) -> profile.deleted() ? Mono.error(ProfileService.deleted()) : Mono.just(profile));
	}

	/**
	 * Applies a partial update. The write is conditional on the version read, so two
	 * concurrent updates cannot lose each other's changes nor emit events for a state
	 * that never existed; the loser reads again. Only what really changed produces
	 * events.
	 */
	Mono<Profile> update(String userId, ProfilePatch patch) {
		return Mono.defer(() -> own(userId).flatMap((current) -> update(current, patch)))
			.retryWhen(Retry.max(UPDATE_ATTEMPTS - 1)
				.filter(OptimisticLockingFailureException.class::isInstance)
				.onRetryExhaustedThrow((spec, signal) -> new ApiException(HttpStatus.CONFLICT, "conflict",
						"The profile is being changed concurrently; try again.")));
	}

	private Mono<Profile> update(Profile current, ProfilePatch patch) {
		EditableProfile before = current.editable();
		EditableProfile after = patch.applyTo(before);
		if (after.equals(before)) {
			return Mono.just(current);
		}
		List<OutboxEvent> changes = new ArrayList<>();
		if (!after.sameProfileAs(before)) {
			changes.add(profileUpdated(current.id(), after));
		}
		if (!after.samePreferencesAs(before)) {
			changes.add(preferencesChanged(current.id(), after));
		}
		Instant now = this.clock.instant();
		Update update = new Update().set("displayName", after.displayName())
			.set("avatarUrl", after.avatarUrl())
			.set("bio", after.bio())
			.set("timeZone", after.timeZone())
			.set("locale", after.locale())
			.set("notifications", after.notifications())
			.set("quietHours", after.quietHours())
			.set("searchKeys", Profile.searchKeys(after.displayName(), current.email()))
			.set("nameKey", Profile.normalise(after.displayName()))
			.set("updatedAt", now)
			.inc("version", 1);
		if (!changes.isEmpty()) {
			update.push(OutboxEvent.FIELD).each(changes.toArray());
		}
		Query unchanged = new Query(
				where("_id").is(current.id()).and("version").is(current.version()).and("deleted").ne(true));
		return this.mongo.updateFirst(unchanged, update, Profile.COLLECTION).flatMap((result) -> {
			if (result.getMatchedCount() == 0) {
				return Mono.error(new OptimisticLockingFailureException("profile " + current.id() + " changed"));
			}
			return this.mongo.findById(current.id(), Profile.class, Profile.COLLECTION);
		});
	}

	/**
	 * Deletes the account's profile and announces it. Personal data goes in this very
	 * write: what remains is a tombstone of the id, {@code deleted} and
	 * {@code deletedAt}, whose outbox now holds only {@code UserDeleted} (events not yet
	 * sent would carry the name, and every consumer drops the user anyway). The tombstone
	 * is kept, not purged: it is nothing but a random id, and it is what makes a
	 * redelivered or replayed {@code UserRegistered} unable to bring the profile back.
	 * Deleting again is a no-op.
	 */
	Mono<Void> delete(String userId) {
		Instant now = this.clock.instant();
		Update erase = new Update().unset("email")
			.unset("displayName")
			.unset("avatarUrl")
			.unset("bio")
			.unset("timeZone")
			.unset("locale")
			.unset("notifications")
			.unset("quietHours")
			.unset("searchKeys")
			.unset("nameKey")
			.unset("createdAt")
			.unset("updatedAt")
			.set("active", false)
			.set("deleted", true)
			.set("deletedAt", now)
			.inc("version", 1)
			.set(OutboxEvent.FIELD,
					List.of(this.events.pending(UserEvents.DELETED, userId, new UserEvents.UserDeleted(userId, now))));
		return this.mongo
			.updateFirst(new Query(where("_id").is(userId).and("deleted").ne(true)), erase, Profile.COLLECTION)
			.flatMap((result) -> (result.getMatchedCount() == 1) ? Mono.empty()
					: this.mongo.exists(byId(userId), Profile.COLLECTION)
						.flatMap((exists) -> exists ? Mono.empty() : Mono.error(notReady())));
	}

	/**
	 * Active people whose name (whole or any word) starts with {@code prefix}, by name.
	 * The prefix is normalised like the stored keys and matched as an anchored, escaped
	 * regular expression on the indexed {@code searchKeys}. The keys hold the email too,
	 * for {@link #byEmail}; a key with an {@code @} after the prefix never matches here,
	 * so an address cannot be confirmed or recovered a character at a time.
	 */
	Flux<Profile> search(String prefix, int limit) {
		Query query = new Query(where("searchKeys").regex("^" + escape(Profile.normalise(prefix)) + "[^@]*$")
			.and("active")
			.is(true)
			.and("deleted")
			.ne(true)).with(Sort.by("nameKey", "_id")).limit(limit);
		return this.mongo.find(query, Profile.class, Profile.COLLECTION);
	}

	/**
	 * The active person with exactly this address (normalised), if any. Checked against
	 * the email itself: a display name that looks like someone's address is a key too.
	 */
	Mono<Profile> byEmail(String address) {
		String wanted = Profile.normalise(address);
		Query query = new Query(where("searchKeys").is(wanted).and("active").is(true).and("deleted").ne(true));
		return this.mongo.find(query, Profile.class, Profile.COLLECTION)
			.filter((profile) -> profile.email() != null && Profile.normalise(profile.email()).equals(wanted))
			.next();
	}

	/** Existing (not deleted) profiles among these ids. */
	Flux<Profile> byIds(Collection<String> ids) {
		return this.mongo.find(new Query(where("_id").in(ids).and("deleted").ne(true)), Profile.class,
				Profile.COLLECTION);
	}

	/** A page of all profiles by id, after the last id of the previous page. */
	Flux<Profile> page(@Nullable String after, int size) {
		Criteria criteria = where("deleted").ne(true);
		if (after != null) {
			criteria = criteria.and("_id").gt(after);
		}
		return this.mongo.find(new Query(criteria).with(Sort.by("_id")).limit(size), Profile.class, Profile.COLLECTION);
	}

	private OutboxEvent profileUpdated(String userId, EditableProfile profile) {
		return this.events.pending(UserEvents.PROFILE_UPDATED, userId,
				UserEvents.UserProfileUpdated.of(userId, profile));
	}

	private OutboxEvent preferencesChanged(String userId, EditableProfile profile) {
		return this.events.pending(UserEvents.PREFERENCES_CHANGED, userId,
				UserEvents.UserPreferencesChanged.of(userId, profile));
	}

	private static Query byId(String userId) {
		return new Query(where("_id").is(userId));
	}

	private static String escape(String literal) {
		return literal.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
	}

	private static ApiException notReady() {
		return new ApiException(
				Problems.of(HttpStatus.NOT_FOUND, "profile-not-ready",
						"The profile is being set up after registration; try again in a moment."),
				Duration.ofSeconds(1));
	}

	private static ApiException deleted() {
		return new ApiException(HttpStatus.NOT_FOUND, "profile-deleted", "This account has been deleted.");
	}

}
