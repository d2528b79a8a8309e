package org.taskflow.support.events;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Time limits for every producer, so that a send to an unreachable Kafka fails in seconds
 * instead of blocking for a minute (the client's defaults): waiting for metadata or
 * buffer space ({@code max.block.ms}), one request, and the whole delivery with its
 * retries. A service's own {@code spring.kafka.producer.properties} win.
 */
final class ProducerTimeLimits implements DefaultKafkaProducerFactoryCustomizer {

	static final Map<String, Object> DEFAULTS = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
			ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);

	@Override
	public void customize(DefaultKafkaProducerFactory<?, ?> producerFactory) {
		Map<String, Object> missing = new HashMap<>(DEFAULTS);
		missing.keySet().removeAll(producerFactory.getConfigurationProperties().keySet());
		producerFactory.updateConfigs(missing);
	}

}
