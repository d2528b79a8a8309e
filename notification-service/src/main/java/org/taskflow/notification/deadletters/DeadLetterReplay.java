package org.taskflow.notification.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.taskflow.support.events.DeadLetters;

/**
 * Moves up to {@code max} records from {@code <topic>-dlt} back to {@code <topic>}, with
 * their key and value (the dead-letter headers stay behind). Progress is the committed
 * offset of the consumer group {@code notification-service-dlt-replay}: a record is
 * committed only after it was published again, so a replay that stops half-way is
 * resumed, not repeated, by the next one. Runs on a worker thread: the Kafka clients
 * block.
 */
@Component
class DeadLetterReplay {

	static final String GROUP = "notification-service-dlt-replay";

	/** The topics this service consumes: only their dead letters may be replayed. */
	static final Set<String> TOPICS = Set.of("taskflow.auth.user-events.v1", "taskflow.user.user-events.v1",
			"taskflow.task.task-events.v1");

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterReplay.class);

	private static final Duration POLL = Duration.ofSeconds(2);

	private static final Duration BUDGET = Duration.ofSeconds(30);

	private final ConsumerFactory<String, String> consumers;

	private final KafkaTemplate<String, String> kafka;

	DeadLetterReplay(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka) {
		this.consumers = consumers;
		this.kafka = kafka;
	}

	Mono<Integer> replay(String topic, int max) {
		return Mono.fromCallable(() -> replayNow(topic, max)).subscribeOn(Schedulers.boundedElastic());
	}

	private int replayNow(String topic, int max) throws InterruptedException, ExecutionException, TimeoutException {
		String deadLetters = topic + DeadLetters.SUFFIX;
		Map<String, Object> overrides = Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
				Math.min(max, 500));
		int replayed = 0;
		Instant deadline = Instant.now().plus(BUDGET);
		try (Consumer<String, String> consumer = this.consumers.createConsumer(GROUP, "replay", null,
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
					this.kafka.send(new ProducerRecord<>(topic, record.key(), record.value()))
						.get(10, TimeUnit.SECONDS);
					done.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
					replayed++;
				}
				consumer.commitSync(done);
				if (replayed == max) {
					break;
				}
			}
		}
		logger.info("Replayed {} records from {} to {}", replayed, deadLetters, topic);
		return replayed;
	}

	private static Properties toProperties(Map<String, Object> overrides) {
		Properties properties = new Properties();
		properties.putAll(overrides);
		return properties;
	}

}
