package org.taskflow.support.security;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The ended sessions whose tokens the resource server refuses, in every application that
 * has Redis (the gateway, auth-service, notification-service), followed by
 * {@link RevokedSessionsFeed}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(RevokedSessionsProperties.class)
public class RevokedSessionsAutoConfiguration {

	@Bean
	RevokedSessions revokedSessions() {
		return new RevokedSessions(Clock.systemUTC());
	}

	@Bean
	RevokedSessionsFeed revokedSessionsFeed(RevokedSessions sessions, RedisConnectionFactory connections,
			RevokedSessionsProperties properties) {
		return new RevokedSessionsFeed(sessions, connections, properties.reloadInterval(), Clock.systemUTC());
	}

}
