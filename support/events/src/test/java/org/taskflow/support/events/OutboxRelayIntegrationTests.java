package org.taskflow.support.events;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.taskflow.infra.Loopback;
import org.taskflow.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two replicas' relays on one collection and one topic, on real MongoDB and Kafka: each
 * claims what it publishes, so an event goes out once however their rounds overlap; and a
 * claim that a replica cannot give back (it died) runs out, while one it gives back (it
 * stopped) frees the document at once. Every replica measures what waits, with or without
 * Kafka, and gives up on a MongoDB that does not answer.
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

	/**
	 * The gauges' clock, ten minutes ahead: the events of {@link #pending} are that old.
	 */
	private final OutboxBacklog backlog = new OutboxBacklog(fixed(Instant.now().plus(Duration.ofMinutes(10))));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void bindGauges() {
		new OutboxMetrics(this.backlog, List.of(COLLECTION)).bindTo(this.meters);
	}

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

	@Test
	void theBacklogAndItsAgeStayWhileKafkaIsDownAndFallOnceTheEventsArePublished() {
		assertThat(gauge(OutboxMetrics.BACKLOG)).as("there from the start").isZero();
		pending(2, 2);
		OutboxRelay relay = reactiveRelay(OutboxLease.forThisProcess(LEASE, Clock.systemUTC()));
		relay.measure().block(WAIT);
		assertThat(gauge(OutboxMetrics.BACKLOG)).isEqualTo(2);
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isCloseTo(600, within(30.0));

		DefaultKafkaProducerFactory<String, String> nowhere = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Loopback.freePort(),
						ProducerConfig.MAX_BLOCK_MS_CONFIG, 500),
				new StringSerializer(), new StringSerializer());
		try {
			OutboxRelay cutOff = reactiveRelay(this.reactiveMongo, new KafkaTemplate<>(nowhere),
					OutboxLease.forThisProcess(LEASE, Clock.systemUTC()));
			cutOff.relay().block(WAIT);
			cutOff.measure().block(WAIT);
		}
		finally {
			nowhere.destroy();
		}
		assertThat(gauge(OutboxMetrics.BACKLOG)).isEqualTo(2);
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isCloseTo(600, within(30.0));

		relay.relay().block(WAIT);
		relay.measure().block(WAIT);
		assertThat(gauge(OutboxMetrics.BACKLOG)).isZero();
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isZero();
	}

	@Test
	void theBlockingRelayMeasuresTheBacklogToo() {
		pending(3, 1);
		BlockingOutboxRelay relay = blockingRelay(OutboxLease.forThisProcess(LEASE, Clock.systemUTC()));
		relay.measure();
		assertThat(gauge(OutboxMetrics.BACKLOG)).isEqualTo(3);
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isCloseTo(600, within(30.0));
		relay.relay();
		relay.measure();
		assertThat(gauge(OutboxMetrics.BACKLOG)).isZero();
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isZero();
	}

	/**
	 * A MongoDB that takes connections and never answers: the measurement gives up
	 * instead of hanging, and the gauges keep what was last measured.
	 */
	@Test
	void aMeasurementMongoDbDoesNotAnswerGivesUpAndKeepsTheLastNumbers() throws Exception {
		pending(1, 1);
		reactiveRelay(OutboxLease.forThisProcess(LEASE, Clock.systemUTC())).measure().block(WAIT);
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				com.mongodb.reactivestreams.client.MongoClient unanswered = com.mongodb.reactivestreams.client.MongoClients
					.create("mongodb://127.0.0.1:" + silent.getLocalPort())) {
			Thread.ofVirtual().start(() -> {
				while (!silent.isClosed()) {
					try {
						silent.accept();
					}
					catch (IOException ex) {
						return;
					}
				}
			});
			OutboxRelay relay = reactiveRelay(new ReactiveMongoTemplate(unanswered, this.database), this.kafka,
					OutboxLease.forThisProcess(LEASE, Clock.systemUTC()));
			long started = System.nanoTime();
			relay.measure().block(WAIT);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(OutboxBacklog.TIMEOUT.plusSeconds(5));
		}
		assertThat(gauge(OutboxMetrics.BACKLOG)).isEqualTo(1);
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isCloseTo(600, within(30.0));
	}

	private double gauge(String name) {
		return this.meters.get(name).tag("collection", COLLECTION).gauge().value();
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
		return reactiveRelay(this.reactiveMongo, this.kafka, lease);
	}

	private OutboxRelay reactiveRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
			OutboxLease lease) {
		OutboxRelay relay = new OutboxRelay(mongo, kafka, this.events, this.properties, lease, this.backlog);
		relay.start();
		return relay;
	}

	private BlockingOutboxRelay blockingRelay(OutboxLease lease) {
		BlockingOutboxRelay relay = new BlockingOutboxRelay(this.mongo, this.kafka, this.events, this.properties, lease,
				this.backlog);
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
