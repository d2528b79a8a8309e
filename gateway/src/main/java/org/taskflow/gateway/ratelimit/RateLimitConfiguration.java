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
	RateLimitFilter rateLimitFilter(RateLimitProperties properties, WindowCounter counter, ProblemWriter problems) {
		return new RateLimitFilter(properties, counter, problems);
	}

	@Bean
	ClientAddressForwarding clientAddressForwarding(RateLimitProperties properties) {
		return new ClientAddressForwarding(new ClientAddressResolver(properties.trustedProxyHops()));
	}

}
