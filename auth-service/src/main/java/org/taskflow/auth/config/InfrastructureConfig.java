package org.taskflow.auth.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.taskflow.auth.AuthProperties;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AuthProperties.class)
class InfrastructureConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
