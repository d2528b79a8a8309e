package org.taskflow.system;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class on the suite every class shares, with its gateway at hand. The fields are
 * static because {@code @BeforeAll} is; every class sees the same suite, so a subclass
 * setting them again changes nothing another class relies on.
 */
@ExtendWith(RunningSuite.Extension.class)
abstract class SharedSuiteTests {

	/** How long the suite may take to show what it does asynchronously (events, mail). */
	static final Duration WAIT = Duration.ofSeconds(60);

	static RunningSuite suite;

	static Gateway gateway;

	@BeforeAll
	static void suite(RunningSuite running) {
		suite = running;
		gateway = running.gateway();
	}

}
