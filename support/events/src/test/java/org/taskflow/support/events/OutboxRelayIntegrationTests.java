package org.taskflow.support.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.taskflow.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas' relays on one collection and one topic, on real MongoDB and Kafka: each
 * claims what it publishes, so an event goes out once however their rounds overlap; and a
 * claim that a replica cannot give back (it died) runs out, while one it gives back (it
 * stopped) frees the document at once.
 */
class OutboxRelayIntegrationTests {

	private static final String COLLECTION = "things";

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final int PARTITIONS = 3;

	private final String database = "outbox-relay-" + UUID.randomUUID();

	private final String topic = "outbox-relay-" + UUID.randomUUID();

	private final com.mongodb.reactivestreams.client.MongoClient reactiveClient = com.mongodb.reactivestreams.client.MongoClients
		.create(TestInfrastructure.shared().mongoUri());

	private final com.mongodb.client.MongoClient blockingClient = com.mongodb.client.MongoClients
		.create(TestInfrastructure.shared().mongoUri());

	private final ReactiveMongoTemplate reactiveMongo = new ReactiveMongoTemplate(this.reactiveClient, this.database);

	private final MongoTemplate mongo = new MongoTemplate(this.blockingClient, this.database);

	private final DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
			new StringSerializer(), new StringSerializer());

	private final KafkaTemplate<String, String> kafka = new KafkaTemplate<>(this.producers);

	private final CloudEvents events = new CloudEvents(JsonMapper.builder().build(), Clock.systemUTC(), "/tests");

	private final OutboxProperties properties = new OutboxProperties(this.topic, List.of(COLLECTION),
			Duration.ofMillis(500), 100, LEASE);

	@BeforeEach
	void createTopic() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(this.topic, PARTITIONS, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	@AfterEach
	void close() {
		this.mongo.getDb().drop();
		this.producers.destroy();
		this.reactiveClient.close();
		this.blockingClient.close();
	}

	@Test
	void twoReactiveRelaysPublishEveryEventOnceWhileTheirRoundsOverlap() {
		List<String> ids = pending(100, 3);
		OutboxRelay first = reactiveRelay(OutboxLease.forThisProcess(LEASE, Clock.systemUTC()));
		OutboxRelay second = reactiveRelay(OutboxLease.forThisProcess(LEASE, Clock.systemUTC()));
		while (waiting() > 0) {
			Mono.when(first.relay(), second.relay()).block(WAIT);
		}
		assertPublishedOnce(ids);
	}

	@Test
	void twoBlockingRelaysPublishEveryEventOnceWhileTheirRoundsOverlap() throws Exception {
		List<String> ids = pending(100, 3);
		BlockingOutboxRelay first = blockingRelay(OutboxLease.forThisProcess(LEASE, Clock.systemUTC()));
		BlockingOutboxRelay second = blockingRelay(OutboxLease.forThisProcess(LEASE, Clock.systemUTC()));
		while (waiting() > 0) {
			Thread other = Thread.ofPlatform().start(second::relay);
			first.relay();
			other.join(WAIT);
		}
		assertPublishedOnce(ids);
	}

	@Test
	void aDocumentHeldByAReplicaThatDiedIsPublishedOnceItsLeaseRunsOut() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<String> ids = pending(1, 1);
		this.mongo.updateMulti(new Query(), new OutboxLease("outbox-dead", LEASE, fixed(now)).take(now.plus(LEASE)),
				COLLECTION);

		reactiveRelay(OutboxLease.forThisProcess(LEASE, fixed(now.plusSeconds(29)))).relay().block(WAIT);
		assertThat(waiting()).as("held by the dead replica for another second").isEqualTo(1);

		reactiveRelay(OutboxLease.forThisProcess(LEASE, fixed(now.plusSeconds(31)))).relay().block(WAIT);
		assertThat(waiting()).isZero();
		assertThat(this.mongo.count(new Query(Criteria.where(OutboxLease.FIELD).exists(true)), COLLECTION)).isZero();
		assertPublishedOnce(ids);
	}

	@Test
	void aReplicaThatStopsGivesBackWhatItHeldSoAnotherPublishesItAtOnce() throws Exception {
		Instant now = Instant.now();
		List<String> ids = pending(1, 1);
		OutboxLease stopping = new OutboxLease("outbox-stopping", LEASE, fixed(now));
		this.mongo.updateMulti(new Query(), stopping.take(now.plus(LEASE)), COLLECTION);
		OutboxRelay other = reactiveRelay(OutboxLease.forThisProcess(LEASE, fixed(now)));
		other.relay().block(WAIT);
		assertThat(waiting()).isEqualTo(1);

		CountDownLatch stopped = new CountDownLatch(1);
		reactiveRelay(stopping).stop(stopped::countDown);
		assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

		other.relay().block(WAIT);
		assertThat(waiting()).isZero();
		assertPublishedOnce(ids);
	}

	/** {@code documents} documents with {@code each} events waiting; the events' ids. */
	private List<String> pending(int documents, int each) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < documents; i++) {
			String owner = "thing-" + i;
			List<Document> outbox = IntStream.range(0, each).mapToObj((n) -> {
				String id = UUID.randomUUID().toString();
				ids.add(id);
				return new Document("_id", id).append("type", "tests.ThingChanged.v1")
					.append("subject", owner)
					.append("time", new Date())
					.append("data", "{\"n\":" + n + "}");
			}).toList();
			this.mongo.insert(new Document("_id", owner).append(OutboxEvent.FIELD, outbox), COLLECTION);
		}
		return ids;
	}

	private long waiting() {
		return this.mongo.count(new Query(Criteria.where(OutboxEvent.FIELD + ".0").exists(true)), COLLECTION);
	}

	private OutboxRelay reactiveRelay(OutboxLease lease) {
		OutboxRelay relay = new OutboxRelay(this.reactiveMongo, this.kafka, this.events, this.properties, lease);
		relay.start();
		return relay;
	}

	private BlockingOutboxRelay blockingRelay(OutboxLease lease) {
		BlockingOutboxRelay relay = new BlockingOutboxRelay(this.mongo, this.kafka, this.events, this.properties,
				lease);
		relay.start();
		return relay;
	}

	/** Reads the topic until every event showed, then a moment more for repeats. */
	private void assertPublishedOnce(List<String> ids) {
		Map<String, Long> published = new HashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
				.mapToObj((partition) -> new TopicPartition(this.topic, partition))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + WAIT.toNanos();
			long quietSince = System.nanoTime();
			while (System.nanoTime() < deadline
					&& (published.size() < ids.size() || System.nanoTime() - quietSince < 2_000_000_000L)) {
				consumer.poll(Duration.ofMillis(200))
					.forEach((record) -> published.merge(json.readTree(record.value()).get("id").asString(), 1L,
							Long::sum));
				if (published.size() < ids.size()) {
					quietSince = System.nanoTime();
				}
			}
		}
		assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(ids);
		Map<String, Long> repeated = published.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(repeated).as("events published more than once").isEmpty();
	}

	private static Clock fixed(Instant now) {
		return Clock.fixed(now, ZoneOffset.UTC);
	}

}
