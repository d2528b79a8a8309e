package org.taskflow.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.taskflow.infra.LocalStack.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as a developer meets it: a suite started by {@code ./run-local} stays up
 * while they build and run the tests.
 */
class LaunchSystemTests extends SharedSuiteTests {

	/**
	 * A build rewrites {@code target/*.jar} in place, and a gateway whose jar changed
	 * under it stopped answering, health included; every service now runs from a copy in
	 * the suite's own directory.
	 */
	@Test
	void runsEveryServiceFromACopyOfItsJarSoABuildDoesNotDisturbIt() {
		List<Path> jars = ProcessHandle.current().descendants().flatMap((process) -> jarOf(process).stream()).toList();
		assertThat(jars).hasSizeGreaterThanOrEqualTo(Service.values().length)
			.allSatisfy((jar) -> assertThat(jar.getParent()).endsWith(Path.of("run", "jars")));
	}

	private static Optional<Path> jarOf(ProcessHandle process) {
		List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
		int option = arguments.indexOf("-jar");
		return (option >= 0 && option + 1 < arguments.size()) ? Optional.of(Path.of(arguments.get(option + 1)))
				: Optional.empty();
	}

}
