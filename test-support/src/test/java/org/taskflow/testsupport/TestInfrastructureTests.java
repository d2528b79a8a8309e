package org.taskflow.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each server of the shared infrastructure does its job over a real socket. */
class TestInfrastructureTests {

	private final TestInfrastructure infrastructure = TestInfrastructure.shared();

	@Test
	void mongoStoresAndFindsDocuments() {
		try (MongoClient client = MongoClients.create(this.infrastructure.mongoUri())) {
			var items = client.getDatabase("infra-check").getCollection("items");
			items.insertOne(new Document("_id", "one").append("tags", List.of("a", "b")));
			assertThat(items.find(new Document("tags", "b")).first()).containsEntry("_id", "one");
		}
	}

	@Test
	void kafkaDeliversWhatWasProduced() throws Exception {
		String topic = "infra-check-" + UUID.randomUUID();
		// the broker creates no topic on first use
		this.infrastructure.declareTopics(topic);
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.infrastructure.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
		}
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.infrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, topic,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<String> values = new java.util.ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (values.isEmpty() && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> values.add(record.value()));
			}
			assertThat(values).containsExactly("hello");
		}
	}

	@Test
	void kafkaComesBackOnItsAddressWithItsData() throws Exception {
		assumeTrue(this.infrastructure.canRestartKafka(), "Kafka cannot be restarted on this infrastructure");
		String topic = "infra-restart-" + UUID.randomUUID();
		this.infrastructure.declareTopics(topic);
		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.infrastructure.kafkaBootstrapServers());
		try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "k", "before")).get();
		}
		this.infrastructure.stopKafka();
		this.infrastructure.startKafka();
		try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "k", "after")).get();
		}
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.infrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, topic,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<String> values = new java.util.ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (values.size() < 2 && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> values.add(record.value()));
			}
			assertThat(values).containsExactly("before", "after");
		}
	}

	@Test
	void redisStoresValues() {
		RedisClient client = RedisClient
			.create("redis://" + this.infrastructure.redisHost() + ":" + this.infrastructure.redisPort());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("infra-check", "value");
			assertThat(connection.sync().get("infra-check")).isEqualTo("value");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void smtpAcceptsMailThatImapReadsBack() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", this.infrastructure.smtpHost());
		properties.put("mail.smtp.port", Integer.toString(this.infrastructure.smtpPort()));
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("noreply@taskflow.test"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@taskflow.test"));
		message.setSubject("infra check");
		message.setText("hello");
		Transport.send(message);

		Store store = session.getStore("imap");
		store.connect(this.infrastructure.smtpHost(), this.infrastructure.imapPort(), "ada@taskflow.test", "any");
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			assertThat(inbox.getMessages()).extracting(Message::getSubject).contains("infra check");
			inbox.close();
		}
		finally {
			store.close();
		}
	}

}
