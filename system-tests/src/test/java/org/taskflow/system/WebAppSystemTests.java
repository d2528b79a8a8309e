package org.taskflow.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The web app as people use it: the browser tests in {@code web/e2e} (Playwright's runner
 * driving Debian's Chromium, headless) against this suite's gateway, run with the
 * machine's Node.js. They sign people up, work through every screen at desktop width and
 * at 360 px with an accessibility scan of each, collaborate in two browsers, let the
 * access token expire, and print the performance budget; their whole output is in this
 * class's test output and {@code target/web-e2e.log}.
 */
@ExtendWith(RunningSuite.Extension.class)
class WebAppSystemTests {

	private static final Path HOME = Path.of(System.getProperty("taskflow.home", "..")).toAbsolutePath().normalize();

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	/** The browser tests take about four minutes here; past this they are stuck. */
	private static final long LIMIT_MINUTES = 12;

	@Test
	@Timeout(value = LIMIT_MINUTES + 1, unit = TimeUnit.MINUTES)
	void theBrowserTestsPassAgainstTheWholeSuite(RunningSuite suite) throws IOException, InterruptedException {
		if (!Files.isExecutable(CHROMIUM)) {
			fail("web e2e: no Chromium at " + CHROMIUM + "; install Debian's: apt-get install -y chromium");
		}
		Path web = HOME.resolve("web");
		if (!Files.isDirectory(web.resolve("node_modules/@playwright/test"))) {
			fail("web e2e: web/node_modules is missing; build the web module first (./run-tests -pl system-tests -am)");
		}
		Path log = Path.of("target", "web-e2e.log").toAbsolutePath();
		ProcessBuilder browserTests = new ProcessBuilder("npm", "run", "--silent", "e2e").directory(web.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		browserTests.environment().put("BASE_URL", suite.stack().gatewayUrl().toString());
		browserTests.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		Process run = browserTests.start();
		boolean finished = run.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES);
		if (!finished) {
			// the runner and its browsers: nothing is left running
			run.descendants().forEach(ProcessHandle::destroy);
			run.destroy();
			if (!run.waitFor(20, TimeUnit.SECONDS)) {
				run.descendants().forEach(ProcessHandle::destroyForcibly);
				run.destroyForcibly().waitFor();
			}
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		System.out.println(output);
		assertThat(finished).as("the browser tests did not finish within %d minutes:%n%s", LIMIT_MINUTES, output)
			.isTrue();
		assertThat(run.exitValue()).as("the browser tests failed:%n%s", output).isZero();
	}

}
