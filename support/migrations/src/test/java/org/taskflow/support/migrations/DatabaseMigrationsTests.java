package org.taskflow.support.migrations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Status;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.taskflow.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against the real wire protocol (embedded server or a MongoDB container). */
class DatabaseMigrationsTests {

	private final MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoUri());

	private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(this.client,
			"migrations-" + UUID.randomUUID());

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void appliesEachStepOnceInVersionOrderAndOnlyThenReportsReady() {
		AtomicInteger second = new AtomicInteger();
		List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Migration> steps = List.of(new Migration(2, "count", (mongo) -> Mono.fromRunnable(() -> {
			order.add("v2");
			second.incrementAndGet();
		})), Migration.indexes(1, "index things", "things",
				List.of(new Index("name", Sort.Direction.ASC).named("by_name"))));
		List<Migration> logged = List.of(new Migration(0, "log", (mongo) -> Mono.fromRunnable(() -> order.add("v0"))));

		DatabaseMigrations first = new DatabaseMigrations(this.mongo,
				java.util.stream.Stream.concat(steps.stream(), logged.stream()).toList(), Clock.systemUTC());
		assertThat(first.health().block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		first.run(null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> first.health().block(Duration.ofSeconds(5)).getStatus().equals(Status.UP));
		assertThat(order).containsExactly("v0", "v2");
		assertThat(this.mongo.indexOps("things").getIndexInfo().collectList().block(Duration.ofSeconds(5)))
			.anySatisfy((index) -> assertThat(index.getName()).isEqualTo("by_name"));

		DatabaseMigrations restarted = new DatabaseMigrations(this.mongo, steps, Clock.systemUTC());
		restarted.run(null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> restarted.health().block(Duration.ofSeconds(5)).getStatus().equals(Status.UP));
		assertThat(second).as("an applied step does not run again").hasValue(1);
		assertThat(this.mongo.findAll(Document.class, MigrationHistory.COLLECTION).collectList().block())
			.extracting((doc) -> doc.get("_id"))
			.containsExactlyInAnyOrder(0, 1, 2);
	}

}
