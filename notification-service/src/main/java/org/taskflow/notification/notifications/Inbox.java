package org.taskflow.notification.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.taskflow.support.web.ApiException;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One person's stored notifications. Every query is scoped to the owner, so another
 * person's notification is simply not found. Order is newest first by
 * {@code (createdAt, _id)}; a cursor is the position of the last item of a page.
 */
@Component
class Inbox {

	private static final int REPLAY_LIMIT = 100;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Inbox(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Mono<NotificationPage> page(String userId, @Nullable String cursor, int limit) {
		Criteria criteria = where("userId").is(userId);
		if (cursor != null) {
			Position after = Position.decode(cursor);
			criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
					where("createdAt").lt(after.createdAt()),
					new Criteria().andOperator(where("createdAt").is(after.createdAt()), where("_id").lt(after.id()))));
		}
		Query query = new Query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(limit + 1);
		return this.mongo.find(query, Notification.class).collectList().map((found) -> {
			List<Notification> page = found.subList(0, Math.min(limit, found.size()));
			String next = (found.size() > limit) ? Position.of(page.get(page.size() - 1)).encode() : null;
			return new NotificationPage(page.stream().map(Notification::view).toList(), next);
		});
	}

	Mono<Long> unread(String userId) {
		return this.mongo.count(Query.query(where("userId").is(userId).and("read").is(false)), Notification.class);
	}

	Mono<Void> markRead(String userId, String id) {
		return this.mongo
			.updateFirst(Query.query(where("_id").is(id).and("userId").is(userId)),
					new Update().set("read", true).set("readAt", this.clock.instant()), Notification.class)
			.flatMap((result) -> (result.getMatchedCount() > 0) ? Mono.empty() : Mono.error(notFound()));
	}

	Mono<Void> markAllRead(String userId) {
		return this.mongo
			.updateMulti(Query.query(where("userId").is(userId).and("read").is(false)),
					new Update().set("read", true).set("readAt", this.clock.instant()), Notification.class)
			.then();
	}

	Mono<Void> delete(String userId, String id) {
		return this.mongo.remove(Query.query(where("_id").is(id).and("userId").is(userId)), Notification.class)
			.flatMap((result) -> (result.getDeletedCount() > 0) ? Mono.empty() : Mono.error(notFound()));
	}

	/**
	 * What the person got after the notification with id {@code lastId}, oldest first (a
	 * stream resuming with {@code Last-Event-ID}); nothing if that id is not theirs.
	 */
	Flux<NotificationView> after(String userId, String lastId) {
		return this.mongo.findOne(Query.query(where("_id").is(lastId).and("userId").is(userId)), Notification.class)
			.flatMapMany((last) -> this.mongo.find(new Query(new Criteria().andOperator(where("userId").is(userId),
					new Criteria().orOperator(where("createdAt").gt(last.createdAt()),
							new Criteria().andOperator(where("createdAt").is(last.createdAt()),
									where("_id").gt(last.id())))))
				.with(Sort.by(Sort.Direction.ASC, "createdAt", "_id"))
				.limit(REPLAY_LIMIT), Notification.class))
			.map(Notification::view);
	}

	private static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "not-found", "No such notification.");
	}

	/** Where a page ended, as an opaque cursor. */
	record Position(Instant createdAt, String id) {

		static Position of(Notification notification) {
			return new Position(notification.createdAt(), notification.id());
		}

		String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((this.createdAt.toEpochMilli() + ":" + this.id).getBytes(StandardCharsets.UTF_8));
		}

		static Position decode(String cursor) {
			try {
				String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				int colon = text.indexOf(':');
				return new Position(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))),
						text.substring(colon + 1));
			}
			catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
						"Parameter 'cursor' has an invalid value.");
			}
		}

	}

}
