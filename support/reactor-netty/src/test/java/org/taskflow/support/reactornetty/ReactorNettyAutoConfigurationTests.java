package org.taskflow.support.reactornetty;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workarounds apply to WebFlux servers only; what they do to a connection is proven
 * on each of them (KeptAliveConnectionContract).
 */
class ReactorNettyAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATION = AutoConfigurations.of(ReactorNettyAutoConfiguration.class);

	@Test
	void handsEveryExchangeOfAReactiveWebApplicationToAWorkerAndLimitsItsRequestTarget() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATION)
			.run((context) -> assertThat(context).hasSingleBean(AsyncExchangeFilter.class)
				.hasSingleBean(RequestTargetLimitFilter.class));
	}

	@Test
	void leavesOtherApplicationsAlone() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATION)
			.run((context) -> assertThat(context).doesNotHaveBean(AsyncExchangeFilter.class)
				.doesNotHaveBean(RequestTargetLimitFilter.class));
	}

	@Test
	void letsLongRequestLinesThroughTheDecoderUnlessTheApplicationSaysOtherwise() {
		StandardEnvironment defaults = new StandardEnvironment();
		new RequestLineDefaults().postProcessEnvironment(defaults, new SpringApplication());
		assertThat(defaults.getProperty(RequestLineDefaults.MAX_INITIAL_LINE_LENGTH)).isEqualTo("64KB");

		StandardEnvironment own = new StandardEnvironment();
		own.getPropertySources()
			.addFirst(
					new MapPropertySource("application", Map.of(RequestLineDefaults.MAX_INITIAL_LINE_LENGTH, "16KB")));
		new RequestLineDefaults().postProcessEnvironment(own, new SpringApplication());
		assertThat(own.getProperty(RequestLineDefaults.MAX_INITIAL_LINE_LENGTH)).isEqualTo("16KB");
	}

}
