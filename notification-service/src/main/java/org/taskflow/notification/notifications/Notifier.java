package org.taskflow.notification.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.taskflow.notification.email.Deliveries;
import org.taskflow.notification.email.OutgoingEmail;
import org.taskflow.notification.live.LiveUpdates;
import org.taskflow.notification.users.Channels;
import org.taskflow.notification.users.Recipient;
import org.taskflow.notification.users.Users;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Tells a person something, on the channels they chose for that kind of notice:
 * <ul>
 * <li>in-app: stored (insert if absent) and, only when it was new, published live;</li>
 * <li>email: a delivery record (insert if absent) that goes out when their quiet hours,
 * if any, are over.</li>
 * </ul>
 * Quiet hours hold back email only: the in-app notification and the live message reach an
 * app the person has open themselves, which is not an interruption. Each step is
 * idempotent, so a redelivered event completes what a crash interrupted and duplicates
 * nothing. A recipient this service has not heard of yet gets the in-app notification
 * with default preferences, but no email (no address yet); a disabled or deleted one gets
 * nothing, on any channel. Due-soon reminders come through here too.
 */
@Service
@EnableConfigurationProperties(NotificationProperties.class)
public class Notifier {

	private final ReactiveMongoTemplate mongo;

	private final Users users;

	private final Deliveries deliveries;

	private final LiveUpdates live;

	private final JsonMapper json;

	private final Clock clock;

	private final Messages messages;

	Notifier(ReactiveMongoTemplate mongo, Users users, Deliveries deliveries, LiveUpdates live, JsonMapper json,
			Clock clock, NotificationProperties properties) {
		this.mongo = mongo;
		this.users = users;
		this.deliveries = deliveries;
		this.live = live;
		this.json = json;
		this.clock = clock;
		this.messages = new Messages(properties.webAppUrl());
	}

	public Mono<Void> notify(Notice notice) {
		Mono<Optional<Recipient>> actor = (notice.actorId() != null) ? optional(this.users.find(notice.actorId()))
				: Mono.just(Optional.empty());
		return Mono.zip(optional(this.users.find(notice.recipientId())), actor)
			.flatMap((people) -> deliver(notice, people.getT1().orElse(null),
					people.getT2().map(Recipient::displayName).orElse(null)));
	}

	/**
	 * A disabled account: its waiting emails are cancelled and its open live streams end
	 * (on every replica); what it was already told stays.
	 */
	public Mono<Void> silence(String userId) {
		return this.deliveries.cancel(userId).then(this.live.end(userId));
	}

	/** Everything of a deleted account: its notifications and pending emails. */
	public Mono<Void> forget(String userId) {
		return this.mongo.remove(Query.query(where("userId").is(userId)), Notification.class)
			.then(this.deliveries.forget(userId));
	}

	private Mono<Void> deliver(Notice notice, @Nullable Recipient recipient, @Nullable String actorName) {
		if (recipient != null && recipient.silenced()) {
			return Mono.empty();
		}
		ZoneId zone = (recipient != null) ? recipient.zone() : ZoneOffset.UTC;
		Channels channels = (recipient != null) ? recipient.channels(notice.kind().name()) : Channels.ALL;
		String id = id(notice);
		Messages.Text text = this.messages.render(notice, (recipient != null) ? recipient.displayName() : null,
				actorName, zone);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Mono<Void> inApp = channels.inApp() ? store(new Notification(id, notice.recipientId(), notice.kind(),
				text.title(), text.body(), notice.taskId(), notice.actorId(), false, now, null)) : Mono.empty();
		Mono<Void> email = Mono.empty();
		if (channels.email() && recipient != null && recipient.email() != null) {
			Messages.Email content = this.messages.email(text, notice.taskId());
			Instant notBefore = (recipient.quietHours() != null) ? recipient.quietHours().releaseAt(now, zone) : now;
			email = this.deliveries.enqueue(new OutgoingEmail(id, recipient.id(), recipient.email(), content.subject(),
					content.text(), content.html()), notBefore);
		}
		return inApp.then(email);
	}

	private Mono<Void> store(Notification notification) {
		return this.mongo.insert(notification)
			.map((stored) -> true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false))
			.flatMap((inserted) -> inserted
					? this.live.publish(notification.userId(), this.json.writeValueAsString(notification.view()))
					: Mono.empty());
	}

	/** The same cause, recipient and kind always give the same id. */
	static String id(Notice notice) {
		String key = notice.cause() + "|" + notice.recipientId() + "|" + notice.kind();
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static <T> Mono<Optional<T>> optional(Mono<T> value) {
		return value.map(Optional::of).defaultIfEmpty(Optional.empty());
	}

}
