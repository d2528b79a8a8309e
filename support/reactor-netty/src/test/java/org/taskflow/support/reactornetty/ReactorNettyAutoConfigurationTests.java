package org.taskflow.support.reactornetty;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workaround applies to WebFlux servers only; what it does to a connection is proven
 * on each of them (KeptAliveConnectionContract).
 */
class ReactorNettyAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATION = AutoConfigurations.of(ReactorNettyAutoConfiguration.class);

	@Test
	void handsEveryExchangeOfAReactiveWebApplicationToAWorker() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATION)
			.run((context) -> assertThat(context).hasSingleBean(AsyncExchangeFilter.class));
	}

	@Test
	void leavesOtherApplicationsAlone() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATION)
			.run((context) -> assertThat(context).doesNotHaveBean(AsyncExchangeFilter.class));
	}

}
