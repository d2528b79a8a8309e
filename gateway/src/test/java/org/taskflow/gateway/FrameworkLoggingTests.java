package org.taskflow.gateway;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.core.log.LogMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's own log statements stay free when their level is off. Spring Security's
 * matchers log {@code debug(LogMessage.format(...))} on every request; Apache
 * commons-logging 1.3 rendered those messages before SLF4J looked at the level: 6.5% of
 * the gateway's allocation samples. The build swaps it for jcl-over-slf4j (root pom):
 * this fails if a renderer comes back.
 */
class FrameworkLoggingTests {

	@Test
	void aDisabledDebugMessageIsNeverRendered() {
		Log log = LogFactory.getLog("org.springframework.security.web.server.util.matcher");
		assertThat(log.isDebugEnabled()).isFalse();
		log.debug(LogMessage.of(() -> {
			throw new AssertionError("a debug message was rendered with debug off");
		}));
	}

}
