package org.taskflow.notification.email;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Records emails to send. */
@Service
public class Deliveries {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final EmailPoller poller;

	Deliveries(ReactiveMongoTemplate mongo, Clock clock, EmailPoller poller) {
		this.mongo = mongo;
		this.clock = clock;
		this.poller = poller;
	}

	/**
	 * Records the email unless it already is (same notification id): a redelivered event
	 * sends nothing twice. It goes no earlier than {@code notBefore} (quiet hours); one
	 * due now wakes this replica's poller instead of waiting for its next round.
	 */
	public Mono<Void> enqueue(OutgoingEmail email, Instant notBefore) {
		Instant now = this.clock.instant();
		Delivery delivery = new Delivery(email.id(), email.userId(), email.to(), email.subject(), email.text(),
				email.html(), Delivery.State.PENDING, 0, notBefore, null, null, null, now, null);
		return this.mongo.insert(delivery).doOnSuccess((inserted) -> {
			if (!notBefore.isAfter(now)) {
				this.poller.wake();
			}
		}).onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty()).then();
	}

	/**
	 * A disabled account gets nothing more: its waiting emails are called off (kept, as
	 * {@code CANCELLED}). One being sent right now is left to its sender, which checks
	 * the account again before every attempt.
	 */
	public Mono<Void> cancel(String userId) {
		return this.mongo
			.updateMulti(Query.query(where("userId").is(userId).and("state").is(Delivery.State.PENDING)),
					new Update().set("state", Delivery.State.CANCELLED), Delivery.class)
			.then();
	}

	/** A deleted account gets nothing more, and its addresses are not kept. */
	public Mono<Void> forget(String userId) {
		return this.mongo.remove(Query.query(where("userId").is(userId)), Delivery.class).then();
	}

}
