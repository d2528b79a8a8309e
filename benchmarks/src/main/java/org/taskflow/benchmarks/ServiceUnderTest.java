package org.taskflow.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.taskflow.infra.JavaProcess;
import org.taskflow.infra.Loopback;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;

/**
 * A service's own jar in its own JVM on a free port, pointed at this JVM's test
 * infrastructure and trusting the test issuer; stopped on {@link #close()} or when this
 * JVM exits.
 */
final class ServiceUnderTest implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

	private final JavaProcess process;

	private final int port;

	private ServiceUnderTest(JavaProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts {@code <module>/target/<module>.jar} (run from the repository root) and
	 * waits until it is ready.
	 */
	static ServiceUnderTest start(String module, Map<String, ?> properties) throws IOException, InterruptedException {
		Path jar = Path.of(module, "target", module + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the benchmark's script, "
					+ "which builds it, from the repository root");
		}
		int port = Loopback.freePort();
		Map<String, Object> all = new LinkedHashMap<>(TestInfrastructure.shared().springProperties());
		all.putAll(TestIssuer.properties());
		all.put("server.port", port);
		all.putAll(properties);
		List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString()));
		all.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		Path log = Files.createTempFile("taskflow-benchmark-" + module + "-", ".log");
		JavaProcess process = JavaProcess.start(module, JVM_OPTIONS, arguments, log);
		ServiceUnderTest service = new ServiceUnderTest(process, port);
		Runtime.getRuntime().addShutdownHook(new Thread(service::close, module + "-stop"));
		service.awaitReady();
		System.out.printf("%s ready on port %d (pid %d, log %s)%n", module, port, process.pid(), log);
		return service;
	}

	/** CPU time the service's JVM has used so far. */
	Duration cpuTime() {
		return ProcessHandle.of(this.process.pid())
			.flatMap((handle) -> handle.info().totalCpuDuration())
			.orElseThrow(() -> new IllegalStateException("no CPU time for " + this.process));
	}

	URI uri(String pathAndQuery) {
		return URI.create("http://" + Loopback.HOST + ":" + this.port + pathAndQuery);
	}

	private void awaitReady() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest readiness = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.process + " exited; see " + this.process.log());
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(
				this.process + " not ready within " + READY_TIMEOUT + "; see " + this.process.log());
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.stop(Duration.ofSeconds(20));
		}
	}

}
