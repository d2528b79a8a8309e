package org.taskflow.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM with its output in a log file, stopped gracefully (SIGTERM, then SIGKILL
 * after a grace period). Uses the JDK that runs this process.
 */
public final class JavaProcess {

	private final String name;

	private final Process process;

	private final Path log;

	private JavaProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code java <jvmArgs> <mainArgs>}; {@code mainArgs} begins with
	 * {@code -jar x.jar} or {@code -cp ... MainClass}.
	 */
	public static JavaProcess start(String name, List<String> jvmArgs, List<String> mainArgs, Path log)
			throws IOException {
		return start(name, jvmArgs, mainArgs, Map.of(), log);
	}

	/**
	 * Starts {@code java <jvmArgs> <mainArgs>} with this process's environment plus
	 * {@code environment}.
	 */
	public static JavaProcess start(String name, List<String> jvmArgs, List<String> mainArgs,
			Map<String, String> environment, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.addAll(mainArgs);
		Files.createDirectories(log.toAbsolutePath().getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		Process process = builder.start();
		return new JavaProcess(name, process, log);
	}

	/** The class path of this JVM, for children that run code from the same artifacts. */
	public static String currentClassPath() {
		return System.getProperty("java.class.path");
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path log() {
		return this.log;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public java.util.concurrent.CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	/**
	 * Asks the process to stop, and kills it (and anything it started) if it has not
	 * within the grace period.
	 */
	public void stop(Duration grace) {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
	}

	/** SIGKILL, as a crash would: no shutdown hooks run. */
	public void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		this.process.onExit().join();
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ")";
	}

}
