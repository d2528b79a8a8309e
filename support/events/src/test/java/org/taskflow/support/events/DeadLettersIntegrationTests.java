package org.taskflow.support.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.taskflow.infra.KafkaBroker;
import org.taskflow.infra.Loopback;
import org.taskflow.testsupport.KafkaRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two consumer groups of one topic in a real Kafka broker that creates no topic on first
 * use: what one group fails on reaches that group's dead letters only (and is counted for
 * that group), its replay reaches that group only, and an outage of the store is waited
 * out rather than dead-lettered.
 */
class DeadLettersIntegrationTests {

	static final String TOPIC = "taskflow.test.things.v1";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static Path dir;

	private static KafkaBroker broker;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() throws Exception {
		dir = Files.createTempDirectory("dead-letters");
		broker = KafkaBroker.start(dir.resolve("kafka"), Loopback.freePort(), dir.resolve("kafka.log"));
		context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=events-test",
					"spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"spring.kafka.consumer.auto-offset-reset=earliest", "taskflow.outbox.topic=" + TOPIC,
					"taskflow.events.topics.partitions=2", "taskflow.events.topics.retention=3d")
			.run();
	}

	@AfterAll
	static void stop() {
		context.close();
		broker.close();
	}

	@Test
	void declaresItsEventTopicAndEachGroupsDeadLetterAndReplayTopics() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			Map<String, TopicDescription> topics = admin
				.describeTopics(List.of(TOPIC, TOPIC + ".alpha.dlt", TOPIC + ".alpha.replay", TOPIC + ".beta.dlt",
						TOPIC + ".beta.replay"))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS);
			assertThat(topics.get(TOPIC).partitions()).hasSize(2);
			assertThat(topics.get(TOPIC + ".alpha.dlt").partitions()).hasSize(1);
			Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
				.all()
				.get(10, TimeUnit.SECONDS)
				.values()
				.iterator()
				.next();
			assertThat(config.get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(3).toMillis()));
			// and nothing else was created on first use
			assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(TOPIC + "-dlt");
		}
	}

	@Test
	void whatOneGroupFailsOnReachesItsDeadLettersOnlyAndItsReplayReachesThatGroupOnly() throws Exception {
		Listeners listeners = context.getBean(Listeners.class);
		double alphaDeadLetters = deadLetters("alpha");
		double betaDeadLetters = deadLetters("beta");
		String poison = "poison-" + UUID.randomUUID();
		send(poison);

		ConsumerRecord<String, String> dead = awaitRecords(TOPIC + ".alpha.dlt", poison, 1).get(0);
		assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-consumer-group").value()))
			.isEqualTo("alpha");
		await().atMost(WAIT).until(() -> listeners.beta.contains(poison));
		await().atMost(WAIT).until(() -> deadLetters("alpha") == alphaDeadLetters + 1);
		assertThat(deadLetters("beta")).isEqualTo(betaDeadLetters);

		listeners.fixed.add(poison);
		int replayed = context.getBean(DeadLetterReplay.class).replay(TOPIC, "alpha", 100);
		assertThat(replayed).isEqualTo(1);
		await().atMost(WAIT).until(() -> listeners.alpha.contains(poison));

		// a record sent after the replay: once beta has it, beta would have had a second
		// poison too
		String after = "after-" + UUID.randomUUID();
		send(after);
		await().atMost(WAIT).until(() -> listeners.beta.contains(after) && listeners.alpha.contains(after));
		assertThat(listeners.beta).filteredOn(poison::equals).hasSize(1);
		assertThat(listeners.alpha).filteredOn(poison::equals).hasSize(1);
		assertThat(records(TOPIC + ".beta.dlt", poison)).isEmpty();
		assertThat(records(TOPIC, poison)).as("the replay does not go back to the shared topic").hasSize(1);
		assertThat(context.getBean(DeadLetterReplay.class).replay(TOPIC, "alpha", 100)).isZero();
		assertThat(deadLetters("alpha")).as("handled once replayed").isEqualTo(alphaDeadLetters + 1);
	}

	@Test
	void countsDeadLettersPerTopicAndGroupFromZero() {
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		assertThat(meters.get(DeadLetterMetrics.SENT).counters()).extracting((counter) -> counter.getId().getTags())
			.containsExactlyInAnyOrder(List.of(Tag.of("group", "alpha"), Tag.of("topic", TOPIC)),
					List.of(Tag.of("group", "beta"), Tag.of("topic", TOPIC)));
	}

	/** Group {@code group}'s dead letters of {@link #TOPIC} so far. */
	private static double deadLetters(String group) {
		return context.getBean(MeterRegistry.class)
			.get(DeadLetterMetrics.SENT)
			.tag("topic", TOPIC)
			.tag("group", group)
			.counter()
			.count();
	}

	@Test
	void anOutageLongerThanTheRetriesForAFaultyRecordIsWaitedOutNotDeadLettered() throws Exception {
		Listeners listeners = context.getBean(Listeners.class);
		String healthy = "outage-" + UUID.randomUUID();
		listeners.outageUntil = System.nanoTime() + Duration.ofSeconds(8).toNanos();
		send(healthy);
		await().atMost(WAIT).until(() -> listeners.alpha.contains(healthy));
		assertThat(listeners.outageFailures).isGreaterThanOrEqualTo(3);
		assertThat(records(TOPIC + ".alpha.dlt", healthy)).isEmpty();
	}

	private static void send(String value) throws Exception {
		@SuppressWarnings("unchecked")
		KafkaTemplate<String, String> kafka = context.getBean(KafkaTemplate.class);
		kafka.send(TOPIC, value, value).get(10, TimeUnit.SECONDS);
	}

	private static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
		List<ConsumerRecord<String, String>> seen = new ArrayList<>();
		await().atMost(WAIT).until(() -> {
			seen.clear();
			seen.addAll(records(topic, key));
			return seen.size() >= count;
		});
		return seen;
	}

	private static List<ConsumerRecord<String, String>> records(String topic, String key) {
		return KafkaRecords.withKey(broker.bootstrapServers(), topic, key);
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, KafkaAutoConfiguration.class,
			EventsAutoConfiguration.class, EventsMetricsAutoConfiguration.class })
	static class Application {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	/**
	 * Group alpha fails on a poison record until it is fixed, and on anything during an
	 * outage; group beta handles everything.
	 */
	static class Listeners {

		final List<String> alpha = new CopyOnWriteArrayList<>();

		final List<String> beta = new CopyOnWriteArrayList<>();

		final Set<String> fixed = ConcurrentHashMap.newKeySet();

		volatile long outageUntil;

		volatile int outageFailures;

		@KafkaListener(topics = TOPIC, groupId = "alpha")
		void alpha(String value) {
			if (value.startsWith("poison") && !this.fixed.contains(value)) {
				throw new IllegalStateException("cannot handle " + value);
			}
			if (System.nanoTime() < this.outageUntil) {
				this.outageFailures++;
				throw new DataAccessResourceFailureException("MongoDB unreachable");
			}
			this.alpha.add(value);
		}

		@KafkaListener(topics = TOPIC, groupId = "beta")
		void beta(String value) {
			this.beta.add(value);
		}

	}

}
