package org.taskflow.support.mongodb;

import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Sets the client's {@link MongoTimeoutsProperties server selection timeout}. Without it
 * a request that needs an unreachable MongoDB waits 30 s, so the gateway gives up first
 * and answers {@code 504}, and the service's own {@code 503 unavailable} never arrives.
 */
@AutoConfiguration(before = { MongoAutoConfiguration.class, MongoReactiveAutoConfiguration.class })
@ConditionalOnClass({ MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class })
@EnableConfigurationProperties(MongoTimeoutsProperties.class)
public class MongoTimeoutsAutoConfiguration {

	/**
	 * Before Boot's own customizer, which applies {@code spring.mongodb.uri}: what the
	 * URI sets wins.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	MongoClientSettingsBuilderCustomizer mongoTimeouts(MongoTimeoutsProperties properties) {
		long millis = properties.serverSelectionTimeout().toMillis();
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
	}

}
