package org.taskflow.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.taskflow.notification.config.PollingLoop;
import org.taskflow.notification.users.Recipient;
import org.taskflow.notification.users.Users;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sends due deliveries. Several replicas run this at once: each delivery is claimed with
 * one atomic findAndModify (PENDING, or SENDING whose lease ran out, becomes SENDING with
 * this replica as owner), so only the claimant sends it; a replica that dies mid-send
 * leaves a lease that expires and another replica sends it again. That makes email at
 * least once in the rare crash between the SMTP hand-off and recording it, never lost.
 * Before each attempt the account is checked: a disabled person's email is cancelled.
 * JavaMailSender blocks on sockets, so sending runs on a bounded scheduler of its own,
 * off the Netty event loops and off the Mongo driver's threads. It counts what the SMTP
 * server accepted ({@code taskflow.email.sent}) and the attempts that failed
 * ({@code taskflow.email.failed}, {@code permanent} when it was the last).
 */
@Component
class EmailPoller extends PollingLoop implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EmailPoller.class);

	private final String owner = "email-" + UUID.randomUUID();

	private final ReactiveMongoTemplate mongo;

	private final JavaMailSender sender;

	private final EmailProperties properties;

	private final Clock clock;

	private final Users users;

	private final Scheduler smtp;

	private final Counter sent;

	private final Counter failedForNow;

	private final Counter failedForGood;

	EmailPoller(ReactiveMongoTemplate mongo, JavaMailSender sender, EmailProperties properties, Clock clock,
			Users users, MeterRegistry meters) {
		this.mongo = mongo;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
		this.users = users;
		this.smtp = Schedulers.newBoundedElastic(properties.concurrency(), 10_000, "smtp");
		this.sent = Counter.builder("taskflow.email.sent")
			.description("Emails the SMTP server accepted")
			.register(meters);
		this.failedForNow = failedCounter(false, meters);
		this.failedForGood = failedCounter(true, meters);
	}

	/** {@code permanent}: the delivery gave up with this attempt, it was the last. */
	private static Counter failedCounter(boolean permanent, MeterRegistry meters) {
		return Counter.builder("taskflow.email.failed")
			.description("Attempts to send an email that failed")
			.tag("permanent", String.valueOf(permanent))
			.register(meters);
	}

	@Override
	protected Mono<Void> round() {
		return sendDue();
	}

	@Override
	protected Duration lease() {
		return this.properties.lease();
	}

	@Override
	protected Duration pollInterval() {
		return this.properties.pollInterval();
	}

	Mono<Void> sendDue() {
		Instant now = this.clock.instant();
		Query due = new Query(claimable(now)).limit(this.properties.batchSize());
		due.fields().include("_id");
		return this.mongo.find(due, Document.class, Delivery.COLLECTION)
			.flatMap((candidate) -> claim(candidate.getString("_id"), now), this.properties.concurrency())
			.flatMap(this::send, this.properties.concurrency())
			.onErrorResume((ex) -> {
				logger.warn("Email round failed: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private static Criteria claimable(Instant now) {
		return new Criteria().orOperator(where("state").is(Delivery.State.PENDING).and("nextAttemptAt").lte(now),
				where("state").is(Delivery.State.SENDING).and("leaseUntil").lte(now));
	}

	/** Empty if another replica claimed it first. */
	private Mono<Delivery> claim(String id, Instant now) {
		Query query = new Query(new Criteria().andOperator(where("_id").is(id), claimable(now)));
		Update update = new Update().set("state", Delivery.State.SENDING)
			.set("owner", this.owner)
			.set("leaseUntil", now.plus(this.properties.lease()))
			.inc("attempts", 1);
		return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Delivery.class);
	}

	/**
	 * Not to a disabled account: it may have been disabled after this was recorded (or
	 * while an earlier attempt was under way and failed).
	 */
	private Mono<Void> send(Delivery delivery) {
		return this.users.find(delivery.userId())
			.map(Recipient::disabled)
			.defaultIfEmpty(false)
			.flatMap((disabled) -> disabled
					? settle(delivery, new Update().set("state", Delivery.State.CANCELLED).unset("leaseUntil"))
					: transmit(delivery))
			.onErrorResume((ex) -> failed(delivery, ex));
	}

	private Mono<Void> transmit(Delivery delivery) {
		logger.debug("Sending email {} (attempt {})", delivery.id(), delivery.attempts());
		return Mono.fromRunnable(() -> {
			this.sender.send(message(delivery));
			this.sent.increment();
		})
			.subscribeOn(this.smtp)
			.then(Mono.defer(() -> settle(delivery,
					new Update().set("state", Delivery.State.SENT)
						.set("sentAt", this.clock.instant())
						.unset("leaseUntil")
						.unset("lastError"))));
	}

	private Mono<Void> failed(Delivery delivery, Throwable ex) {
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		Update update = new Update().set("lastError", error).unset("leaseUntil");
		if (delivery.attempts() >= this.properties.maxAttempts()) {
			logger.warn("Email {} to user {} failed for good after {} attempts: {}", delivery.id(), delivery.userId(),
					delivery.attempts(), error);
			update.set("state", Delivery.State.PERMANENTLY_FAILED);
			this.failedForGood.increment();
		}
		else {
			Instant next = this.clock.instant().plus(this.properties.backoff(delivery.attempts()));
			logger.warn("Email {} to user {} failed (attempt {} of {}), next attempt at {}: {}", delivery.id(),
					delivery.userId(), delivery.attempts(), this.properties.maxAttempts(), next, error);
			update.set("state", Delivery.State.PENDING).set("nextAttemptAt", next);
			this.failedForNow.increment();
		}
		return settle(delivery, update);
	}

	/** Only while this replica still holds the claim. */
	private Mono<Void> settle(Delivery delivery, Update update) {
		Query mine = Query.query(where("_id").is(delivery.id())
			.and("owner")
			.is(this.owner)
			.and("state")
			.is(Delivery.State.SENDING)
			.and("attempts")
			.is(delivery.attempts()));
		return this.mongo.updateFirst(mine, update, Delivery.class).then();
	}

	private MimeMessage message(Delivery delivery) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(new InternetAddress(delivery.to(), true));
			helper.setSubject(delivery.subject());
			helper.setText(delivery.text(), delivery.html());
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("Cannot build the email: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void destroy() {
		this.smtp.dispose();
	}

}
