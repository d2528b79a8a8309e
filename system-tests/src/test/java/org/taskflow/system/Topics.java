package org.taskflow.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.taskflow.testsupport.KafkaRecords;

import static org.awaitility.Awaitility.await;

/**
 * The suite's event topics as an outside observer sees them: every record of every
 * {@code taskflow.<owner>.<name>.v1} topic since the suite started that a service
 * published, read by a consumer of its own, and whether the services' consumer groups
 * have caught up. Tests may also put records of their own on a topic ({@link #inject}),
 * e.g. a poison record; those are not among the services' records.
 */
final class Topics implements AutoCloseable {

	static final String AUTH_USERS = "taskflow.auth.user-events.v1";

	static final String USERS = "taskflow.user.user-events.v1";

	static final String TASKS = "taskflow.task.task-events.v1";

	/** The event topics, not their dead-letter topics. */
	private static final Pattern EVENT_TOPICS = Pattern.compile("taskflow\\.[a-z]+\\.[a-z-]+\\.v1");

	private final String bootstrapServers;

	private final List<Record> records = new CopyOnWriteArrayList<>();

	private final KafkaConsumer<String, String> consumer;

	private final KafkaProducer<String, String> producer;

	/** The keys of the records tests injected, by topic. */
	private final Set<String> injected = ConcurrentHashMap.newKeySet();

	private final Thread reader;

	private volatile boolean closed;

	Topics(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"system-tests-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
						// topics appear as their producing services declare them: look
						// for new
						// ones often
						ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
				new StringDeserializer(), new StringDeserializer());
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringSerializer(), new StringSerializer());
		this.reader = Thread.ofPlatform().name("system-tests-topics").daemon().start(this::read);
	}

	private void read() {
		try {
			this.consumer.subscribe(EVENT_TOPICS);
			while (!this.closed) {
				this.consumer.poll(Duration.ofMillis(200))
					.forEach((record) -> this.records.add(new Record(record.topic(), record.key(), record.value(),
							this.injected.contains(record.topic() + " " + record.key()))));
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	/**
	 * Every record the services published read so far, in the order read (which is
	 * per-key order).
	 */
	List<Record> records() {
		return this.records.stream().filter((record) -> !record.injected()).toList();
	}

	List<Record> records(String topic) {
		return records().stream().filter((record) -> record.topic().equals(topic)).toList();
	}

	/** Puts a test's own record on a topic, under a key no service uses. */
	void inject(String topic, String key, String value) {
		this.injected.add(topic + " " + key);
		try {
			this.producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("not sent to " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The records with this key on any topic now, e.g. a dead-letter or replay topic
	 * (with the headers the dead-letter handling adds); none if the topic does not exist.
	 */
	List<ConsumerRecord<String, String>> read(String topic, String key) {
		return KafkaRecords.withKey(this.bootstrapServers, topic, key);
	}

	/**
	 * Waits until every consumer group of the services has committed every record of the
	 * event topics that it reads (and of its replay topics): from then on, what those
	 * records cause has been written. Dead letters are not waited for: they wait for an
	 * operator's replay.
	 */
	void awaitConsumed(Duration timeout) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> lagging(admin).isEmpty());
		}
	}

	/**
	 * How many records all dead-letter topics hold now, by topic; topics without any are
	 * left out.
	 */
	Map<String, Long> deadLetters() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			List<String> topics = admin.listTopics()
				.names()
				.get(5, TimeUnit.SECONDS)
				.stream()
				.filter((topic) -> topic.endsWith(".dlt"))
				.toList();
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).values().forEach((topic) -> {
				topic.partitions().forEach((partition) -> {
					TopicPartition key = new TopicPartition(topic.name(), partition.partition());
					earliest.put(key, OffsetSpec.earliest());
					latest.put(key, OffsetSpec.latest());
				});
			});
			Map<TopicPartition, Long> starts = new HashMap<>();
			admin.listOffsets(earliest).all().get(5, TimeUnit.SECONDS).forEach((partition, start) -> {
				starts.put(partition, start.offset());
			});
			Map<String, Long> counts = new TreeMap<>();
			admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((partition, end) -> {
				long count = end.offset() - starts.get(partition);
				if (count > 0) {
					counts.merge(partition.topic(), count, Long::sum);
				}
			});
			return counts;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not count the dead letters", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Partitions (by group) whose committed offset is behind the end of the partition.
	 */
	private static List<String> lagging(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
		List<String> lagging = new ArrayList<>();
		for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups())
			.all()
			.get(5, TimeUnit.SECONDS)) {
			Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
					admin.listConsumerGroupOffsets(group.groupId())
						.partitionsToOffsetAndMetadata()
						.get(5, TimeUnit.SECONDS));
			committed.keySet().removeIf((partition) -> partition.topic().endsWith(".dlt"));
			Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
			admin.describeTopics(committed.keySet().stream().map(TopicPartition::topic).distinct().toList())
				.allTopicNames()
				.get(5, TimeUnit.SECONDS)
				.values()
				.forEach((topic) -> topic.partitions()
					.forEach((partition) -> ends.put(new TopicPartition(topic.name(), partition.partition()),
							OffsetSpec.latest())));
			admin.listOffsets(ends).all().get(5, TimeUnit.SECONDS).forEach((partition, end) -> {
				OffsetAndMetadata offset = committed.get(partition);
				long position = (offset != null) ? offset.offset() : 0;
				if (position < end.offset()) {
					lagging.add(group.groupId() + " " + partition + " at " + position + " of " + end.offset());
				}
			});
		}
		return lagging;
	}

	@Override
	public void close() {
		this.closed = true;
		this.consumer.wakeup();
		this.producer.close(Duration.ofSeconds(5));
		try {
			this.reader.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A record as it is on the topic: the CloudEvent in JSON, keyed by its subject; or
	 * one a test injected.
	 */
	record Record(String topic, String key, String value, boolean injected) {
	}

}
