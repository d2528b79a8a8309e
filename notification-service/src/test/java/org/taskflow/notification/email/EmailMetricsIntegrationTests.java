package org.taskflow.notification.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.taskflow.notification.NotificationIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What an operator sees of the email queue: attempts that went out or failed, how many
 * emails wait and how late the latest one is.
 */
class EmailMetricsIntegrationTests extends NotificationIntegrationTests {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private EmailQueueMetrics queue;

	@Test
	void countsSentEmailsAndFailedAttemptsTheLastOneAsPermanent() {
		double sent = counter("taskflow.email.sent", null);
		double failedForNow = counter("taskflow.email.failed", "false");
		double failedForGood = counter("taskflow.email.failed", "true");

		Person fine = register("Mia");
		Person broken = registerWithUndeliverableAddress("Nox");
		awaitTrue(() -> subjects(fine.email()).contains("Welcome to TaskFlow, Mia"));
		awaitTrue(() -> deliveriesOf(broken).stream()
			.anyMatch((delivery) -> "PERMANENTLY_FAILED".equals(delivery.getString("state"))));

		assertThat(counter("taskflow.email.sent", null)).isGreaterThanOrEqualTo(sent + 1);
		// three attempts in all here (max-attempts=3)
		assertThat(counter("taskflow.email.failed", "false")).isGreaterThanOrEqualTo(failedForNow + 2);
		assertThat(counter("taskflow.email.failed", "true")).isGreaterThanOrEqualTo(failedForGood + 1);
	}

	@Test
	void anEmailDueTenMinutesAgoThatNobodySendsIsPendingAndThatLateUntilItGoes() {
		String id = UUID.randomUUID().toString();
		Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
		// claimed by a replica that is still busy with it
		this.mongo
			.insert(new Document("_id", id).append("userId", "user-" + id)
				.append("to", id + "@example.com")
				.append("subject", "Stuck")
				.append("text", "Stuck")
				.append("html", "<p>Stuck</p>")
				.append("state", "SENDING")
				.append("attempts", 1)
				.append("nextAttemptAt", Date.from(tenMinutesAgo))
				.append("owner", "a-busy-replica")
				.append("leaseUntil", Date.from(Instant.now().plus(Duration.ofHours(1))))
				.append("createdAt", Date.from(tenMinutesAgo)), Delivery.COLLECTION)
			.block(WAIT);

		this.queue.measure().block(WAIT);
		assertThat(gauge("taskflow.email.queue.pending")).isGreaterThanOrEqualTo(1);
		assertThat(gauge("taskflow.email.queue.oldest.age")).isBetween(590.0, 700.0);

		// the replica died: its lease runs out and another one sends the email
		this.mongo
			.updateFirst(Query.query(where("_id").is(id)),
					new Update().set("leaseUntil", Date.from(Instant.now().minusSeconds(1))), Delivery.COLLECTION)
			.block(WAIT);
		awaitTrue(() -> subjects(id + "@example.com").contains("Stuck"));
		this.queue.measure().block(WAIT);
		assertThat(gauge("taskflow.email.queue.oldest.age")).isLessThan(590.0);
	}

	private double counter(String name, String permanent) {
		return (permanent != null) ? this.meters.get(name).tag("permanent", permanent).counter().count()
				: this.meters.get(name).counter().count();
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

}
