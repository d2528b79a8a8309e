package org.taskflow.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.taskflow.support.web.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	WindowCounter rateLimitWindowCounter(ReactiveStringRedisTemplate redis, RateLimitProperties properties,
			MeterRegistry meters) {
		return new WindowCounter(redis, new LocalWindowCounter(properties.fallbackMaxKeys(), System::currentTimeMillis),
				properties.redisTimeout(), meters);
	}

	@Bean
	BatchedWindowCounter rateLimitBatchedWindowCounter(WindowCounter counter, RateLimitProperties properties) {
		return new BatchedWindowCounter(counter, properties.syncInterval(), properties.fallbackMaxKeys(),
				System::currentTimeMillis);
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitProperties properties, WindowCounter counter,
			BatchedWindowCounter batchedCounter, ProblemWriter problems) {
		return new RateLimitFilter(properties, counter, batchedCounter, problems);
	}

	@Bean
	ClientAddressForwarding clientAddressForwarding(RateLimitProperties properties) {
		return new ClientAddressForwarding(new ClientAddressResolver(properties.trustedProxyHops()));
	}

}
