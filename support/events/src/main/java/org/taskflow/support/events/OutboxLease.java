package org.taskflow.support.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One relay's claim on a document's outbox, so that of several replicas only one
 * publishes it. A claim is one findAndModify (events waiting, and no lease or only an
 * expired one), stored in the document as {@code outboxLease: {owner, until}} and given
 * back when the relay is done with the document. A replica that dies holding a claim only
 * delays that document until the lease runs out; then another replica takes it and
 * publishes what is still there, so an event is never lost, and at worst repeated.
 *
 * <p>
 * The lease is the limit for the holder too: a relay starts no send that could end after
 * its lease ({@link #allowsSend}), so two replicas never publish one document at once.
 * Leases compare the clocks of the replicas; they must agree to well within the lease.
 */
final class OutboxLease {

	/** The field that holds a document's lease, absent when nobody holds one. */
	static final String FIELD = "outboxLease";

	static final FindAndModifyOptions RETURN_CLAIMED = FindAndModifyOptions.options().returnNew(true);

	/** Gives a lease back. */
	static final Update RELEASE = new Update().unset(FIELD);

	private final String owner;

	private final Duration duration;

	private final Clock clock;

	OutboxLease(String owner, Duration duration, Clock clock) {
		this.owner = owner;
		this.duration = duration;
		this.clock = clock;
	}

	/** A lease of this relay's own: a new owner id per process. */
	static OutboxLease forThisProcess(Duration duration, Clock clock) {
		return new OutboxLease("outbox-" + UUID.randomUUID(), duration, clock);
	}

	Instant now() {
		return this.clock.instant();
	}

	/** Up to {@code limit} ids of documents with events waiting that nobody holds. */
	Query candidates(int limit) {
		Query query = new Query(claimable(now())).limit(limit);
		query.fields().include("_id");
		return query;
	}

	/**
	 * The document, if it still has events waiting and nobody holds it at {@code now}.
	 */
	Query claimable(Object id, Instant now) {
		return new Query(new Criteria().andOperator(Criteria.where("_id").is(id), claimable(now)));
	}

	/** Takes the lease until {@code until}. */
	Update take(Instant until) {
		return new Update().set(FIELD, new Document("owner", this.owner).append("until", Date.from(until)));
	}

	Instant until(Instant now) {
		return now.plus(this.duration);
	}

	/** The document while this relay holds it. */
	Query held(Object id) {
		return new Query(Criteria.where("_id").is(id).and(FIELD + ".owner").is(this.owner));
	}

	/** Every document this relay holds. */
	Query allHeld() {
		return new Query(Criteria.where(FIELD + ".owner").is(this.owner));
	}

	/**
	 * Whether a send that starts now and takes up to {@code send} ends within the lease.
	 */
	boolean allowsSend(Instant until, Duration send) {
		return now().plus(send).isBefore(until);
	}

	private static Criteria claimable(Instant now) {
		return new Criteria().andOperator(Criteria.where(OutboxEvent.FIELD + ".0").exists(true), new Criteria()
			.orOperator(Criteria.where(FIELD).exists(false), Criteria.where(FIELD + ".until").lte(Date.from(now))));
	}

}
