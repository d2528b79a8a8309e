package org.taskflow.support.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Moves up to {@code max} of a group's dead letters of a topic to the group's replay
 * topic, with their key and value (the dead-letter headers stay behind), where that
 * group's listener, and no other group, handles them again. Progress is the committed
 * offset of the consumer group {@code <group>-dlt-replay}: a record is committed only
 * after it was published again, so a replay that stops half-way is resumed, not repeated,
 * by the next one. Blocking (the Kafka clients are): call it off event loops.
 */
public final class DeadLetterReplay {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterReplay.class);

	private static final Duration POLL = Duration.ofSeconds(2);

	private static final Duration BUDGET = Duration.ofSeconds(30);

	private final ConsumerFactory<String, String> consumers;

	private final KafkaTemplate<String, String> kafka;

	private final ConsumerGroups groups;

	DeadLetterReplay(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
			ConsumerGroups groups) {
		this.consumers = consumers;
		this.kafka = kafka;
		this.groups = groups;
	}

	/** What this service's groups consume, and so what may be replayed. */
	public List<ConsumerGroups.Consumed> replayable() {
		return this.groups.consumed();
	}

	/**
	 * @return how many records were replayed
	 * @throws IllegalArgumentException if none of this service's groups consumes the
	 * topic
	 */
	public int replay(String topic, String group, int max)
			throws InterruptedException, ExecutionException, TimeoutException {
		if (!this.groups.consumes(topic, group)) {
			throw new IllegalArgumentException("No group " + group + " of this service consumes " + topic);
		}
		String deadLetters = DeadLetters.deadLetterTopic(topic, group);
		String replay = DeadLetters.replayTopic(topic, group);
		Map<String, Object> overrides = Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
				Math.min(max, 500));
		int replayed = 0;
		Instant deadline = Instant.now().plus(BUDGET);
		try (Consumer<String, String> consumer = this.consumers.createConsumer(group + "-dlt-replay", "replay", null,
				toProperties(overrides))) {
			List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, POLL)
				.stream()
				.map((info) -> new TopicPartition(deadLetters, info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				return 0;
			}
			consumer.assign(partitions);
			while (replayed < max && Instant.now().isBefore(deadline)) {
				ConsumerRecords<String, String> records = consumer.poll(POLL);
				if (records.isEmpty()) {
					break;
				}
				Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
				for (ConsumerRecord<String, String> record : records) {
					if (replayed == max) {
						break;
					}
					this.kafka.send(new ProducerRecord<>(replay, record.key(), record.value()))
						.get(10, TimeUnit.SECONDS);
					done.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
					replayed++;
				}
				consumer.commitSync(done);
			}
		}
		logger.info("Replayed {} records from {} to {}", replayed, deadLetters, replay);
		return replayed;
	}

	private static Properties toProperties(Map<String, Object> overrides) {
		Properties properties = new Properties();
		properties.putAll(overrides);
		return properties;
	}

}
