package org.taskflow.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	/**
	 * A record that keeps failing goes to {@code <topic>-dlt} with the error in its
	 * headers; the consumer moves on.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new org.apache.kafka.common.TopicPartition(record.topic() + "-dlt", -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxAttempts(3);
		return new DefaultErrorHandler(deadLetters, backOff);
	}

}
