package org.taskflow.support.reactornetty;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets request lines up to 64 KB through Reactor Netty's decoder (Boot's default is 4
 * KB), so that {@link RequestTargetLimitFilter} answers the long ones. The lowest
 * precedence: an application's own {@code server.netty.max-initial-line-length} wins.
 */
class RequestLineDefaults implements EnvironmentPostProcessor {

	static final String MAX_INITIAL_LINE_LENGTH = "server.netty.max-initial-line-length";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("taskflow-reactor-netty", Map.of(MAX_INITIAL_LINE_LENGTH, "64KB")));
	}

}
