package org.taskflow.support.events;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerTimeLimitsTests {

	@Test
	void aProducerWithoutLimitsGetsThem() {
		DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"));
		new ProducerTimeLimits().customize(factory);
		assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000)
			.containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000)
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
	}

	@Test
	void aServicesOwnLimitWins() {
		DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000"));
		new ProducerTimeLimits().customize(factory);
		assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000")
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
	}

}
