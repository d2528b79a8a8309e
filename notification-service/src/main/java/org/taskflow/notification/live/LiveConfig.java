package org.taskflow.notification.live;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfig {

	/** One Redis connection multiplexes the subscriptions of every open stream. */
	@Bean
	ReactiveRedisMessageListenerContainer liveListenerContainer(ReactiveRedisConnectionFactory connections) {
		return new ReactiveRedisMessageListenerContainer(connections);
	}

}
