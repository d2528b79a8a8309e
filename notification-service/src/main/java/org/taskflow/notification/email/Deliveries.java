package org.taskflow.notification.email;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Records emails to send. */
@Service
public class Deliveries {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Deliveries(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Records the email unless it already is (same notification id): a redelivered event
	 * sends nothing twice. It goes no earlier than {@code notBefore} (quiet hours).
	 */
	public Mono<Void> enqueue(OutgoingEmail email, Instant notBefore) {
		Delivery delivery = new Delivery(email.id(), email.userId(), email.to(), email.subject(), email.text(),
				email.html(), Delivery.State.PENDING, 0, notBefore, null, null, null, this.clock.instant(), null);
		return this.mongo.insert(delivery).onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty()).then();
	}

	/** A deleted account gets nothing more, and its addresses are not kept. */
	public Mono<Void> forget(String userId) {
		return this.mongo.remove(Query.query(where("userId").is(userId)), Delivery.class).then();
	}

}
