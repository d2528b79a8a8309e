package org.taskflow.notification.users;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Applies user events to the projection and answers who a recipient is. Every change is a
 * single conditional update: it applies only if the event is not older than the one that
 * last set the same fields, and never to a deleted user. Disabling is one-way.
 */
@Service
public class Users {

	/** The time of an event that has not happened: everything real is newer. */
	private static final Instant NEVER = Instant.EPOCH;

	private final ReactiveMongoTemplate mongo;

	Users(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<Boolean> registered(String userId, String email, @Nullable String displayName, @Nullable Instant time) {
		return apply(userId, "registeredAt", time, new Update().set("email", email).set("registeredName", displayName));
	}

	/** Returns whether the event was applied (it was not older than what is stored). */
	public Mono<Boolean> profileUpdated(String userId, @Nullable String displayName, @Nullable String timeZone,
			@Nullable String locale, @Nullable Instant time) {
		return apply(userId, "profileAt", time, new Update().set("displayName", displayName).set("locale", locale))
			.flatMap((applied) -> zone(userId, timeZone, time).thenReturn(applied));
	}

	public Mono<Boolean> preferencesChanged(String userId, @Nullable String timeZone, Map<String, Channels> channels,
			@Nullable QuietHours quietHours, @Nullable Instant time) {
		Update update = new Update().set("preferences", channels)
			.set("quietStart", (quietHours != null) ? quietHours.start().toString() : null)
			.set("quietEnd", (quietHours != null) ? quietHours.end().toString() : null);
		return apply(userId, "preferencesAt", time, update)
			.flatMap((applied) -> zone(userId, timeZone, time).thenReturn(applied));
	}

	/**
	 * Marks the account disabled for good: no event enables it again, so any UserDisabled
	 * disables, and {@code disabledAt} keeps the newest one's time (an older or
	 * redelivered one changes nothing).
	 */
	public Mono<Void> disabled(String userId, @Nullable Instant time) {
		Instant at = (time != null) ? time : NEVER;
		Query current = new Query(new Criteria().andOperator(where("_id").is(userId), where("deletedAt").exists(false),
				new Criteria().orOperator(where("disabledAt").exists(false), where("disabledAt").lt(at))));
		return ensure(userId)
			.then(this.mongo.updateFirst(current, new Update().set("disabledAt", at), UserDocument.class))
			.then();
	}

	/**
	 * Leaves a tombstone: the id and when it was deleted, nothing personal. Later events
	 * for the user change nothing.
	 */
	public Mono<Void> deleted(String userId, @Nullable Instant time) {
		Update update = new Update().set("deletedAt", (time != null) ? time : NEVER);
		for (String field : new String[] { "email", "registeredName", "displayName", "timeZone", "locale",
				"preferences", "quietStart", "quietEnd" }) {
			update.unset(field);
		}
		return ensure(userId)
			.then(this.mongo.updateFirst(Query.query(where("_id").is(userId)), update, UserDocument.class))
			.then();
	}

	public Mono<Recipient> find(String userId) {
		return this.mongo.findById(userId, UserDocument.class).map(Users::recipient);
	}

	private Mono<Boolean> apply(String userId, String clock, @Nullable Instant time, Update update) {
		Instant at = (time != null) ? time : NEVER;
		Query current = Query.query(where("_id").is(userId).and(clock).lte(at).and("deletedAt").exists(false));
		return ensure(userId).then(this.mongo.updateFirst(current, update.set(clock, at), UserDocument.class))
			.map((result) -> result.getMatchedCount() > 0);
	}

	/** The time zone comes with two kinds of events: it has a clock of its own. */
	private Mono<Void> zone(String userId, @Nullable String timeZone, @Nullable Instant time) {
		if (timeZone == null || zoneOf(timeZone) == null) {
			return Mono.empty();
		}
		return apply(userId, "zoneAt", time, new Update().set("timeZone", timeZone)).then();
	}

	/**
	 * Creates the document with every clock at {@link #NEVER} if it does not exist yet,
	 * so the conditional updates have something to compare with.
	 */
	private Mono<Void> ensure(String userId) {
		Update update = new Update();
		for (String clock : new String[] { "registeredAt", "profileAt", "preferencesAt", "zoneAt" }) {
			update.setOnInsert(clock, NEVER);
		}
		return this.mongo
			.findAndModify(Query.query(where("_id").is(userId)), update, FindAndModifyOptions.options().upsert(true),
					UserDocument.class)
			// two topics may create the same user at once: the loser finds it there
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	private static Recipient recipient(UserDocument user) {
		ZoneId zone = (user.timeZone() != null) ? zoneOf(user.timeZone()) : null;
		QuietHours quiet = (user.quietStart() != null && user.quietEnd() != null)
				? new QuietHours(LocalTime.parse(user.quietStart()), LocalTime.parse(user.quietEnd())) : null;
		String name = (user.displayName() != null) ? user.displayName() : user.registeredName();
		return new Recipient(user.id(), user.email(), name, (zone != null) ? zone : ZoneOffset.UTC,
				(user.preferences() != null) ? user.preferences() : Map.of(), quiet, user.disabledAt() != null,
				user.deletedAt() != null);
	}

	/**
	 * An IANA zone id, or null if it is not one (a bad value never breaks the consumer).
	 */
	public static @Nullable ZoneId zoneOf(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
