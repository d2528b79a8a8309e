package org.taskflow.system;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.taskflow.benchmarks.load.LoadTest;
import org.taskflow.benchmarks.load.LoadTest.Mode;
import org.taskflow.benchmarks.load.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load test's smoke mode: a suite of its own (the people and the rate limits of a
 * load), a minute of the mixed workload through the gateway at a modest fixed rate, with
 * p95 under 200 ms and no failed request. Its table is in this class's output file; the
 * soak and the saturation run from {@code benchmarks/load/run.sh}.
 */
class LoadSystemTests {

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void servesTheMixedWorkloadAtTheSmokeRateWithinTheLatencyTarget() throws Exception {
		Path home = Path.of(System.getProperty("taskflow.home", ".."));
		Path workDir = Path.of(System.getProperty("taskflow.system-tests.work-dir", "target/suite") + "-load");

		Result result = LoadTest.run(Mode.SMOKE, home, workDir);

		assertThat(result.steps()).singleElement().satisfies((step) -> {
			assertThat(step.requests()).isGreaterThan(1000);
			assertThat(step.failed()).isZero();
			assertThat(step.p95()).isLessThan(200);
		});
		assertThat(result.assertionsPassed()).as("Gatling's assertions").isTrue();
	}

}
