package org.taskflow.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KafkaBrokerTests {

	@TempDir
	Path dir;

	@Test
	void keepsRecordsAcrossAStopAndStartOnTheSameAddress() throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(this.dir.resolve("kafka"), Loopback.freePort(),
				this.dir.resolve("kafka.log"))) {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic("restart-check", 1, (short) 1)))
					.all()
					.get(10, TimeUnit.SECONDS);
			}
			send(broker, "before-restart");
			broker.stop();
			assertThat(broker.isRunning()).isFalse();
			broker.start();
			send(broker, "after-restart");
			assertThat(readAll(broker)).containsExactly("before-restart", "after-restart");
		}
	}

	/** As a production cluster should: the code that owns a topic declares it. */
	@Test
	void createsNoTopicOnFirstUse() throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(this.dir.resolve("kafka"), Loopback.freePort(),
				this.dir.resolve("kafka.log"))) {
			Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
					ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
			try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> producer.send(new ProducerRecord<>("never-declared", "key", "value")).get())
					.withCauseInstanceOf(TimeoutException.class);
			}
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
				assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain("never-declared");
			}
		}
	}

	private static void send(KafkaBroker broker, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("restart-check", "key", value)).get();
		}
	}

	private static List<String> readAll(KafkaBroker broker) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("restart-check"));
			java.util.ArrayList<String> values = new java.util.ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (values.size() < 2 && System.nanoTime() < deadline) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
				records.forEach((record) -> values.add(record.value()));
			}
			return values;
		}
	}

}
