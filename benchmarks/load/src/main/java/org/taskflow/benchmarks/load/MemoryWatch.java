package org.taskflow.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The resident memory (VmRSS) of some JVMs, sampled from /proc while a load runs, and
 * twice after a full collection of each (jcmd GC.run): once the load has warmed up and
 * once it has ended. Resident memory, not heap: a leak of direct buffers, threads or
 * metaspace shows there too.
 */
final class MemoryWatch implements AutoCloseable {

	private static final Duration PERIOD = Duration.ofSeconds(2);

	private final Map<String, Long> pids;

	private final long started = System.nanoTime();

	private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

	private final Map<String, Long> afterWarmUp = new LinkedHashMap<>();

	/** When the warmed-up figures were taken, in minutes from the start; 0 until then. */
	private double warmUpMinutes;

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "memory-watch");
		thread.setDaemon(true);
		return thread;
	});

	/** Watches the named processes from now on. */
	MemoryWatch(Map<String, Long> pids, Duration warmUp) {
		this.pids = Map.copyOf(pids);
		pids.keySet().forEach((name) -> this.samples.put(name, new ArrayList<>()));
		this.sampler.scheduleAtFixedRate(this::sample, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
		this.sampler.schedule(() -> {
			this.warmUpMinutes = minutes();
			this.afterWarmUp.putAll(collectAndMeasure());
		}, warmUp.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops sampling; then, after a full collection of each JVM, the figures. */
	List<Memory> stop() throws InterruptedException {
		this.sampler.shutdown();
		this.sampler.awaitTermination(1, TimeUnit.MINUTES);
		Map<String, Long> end = collectAndMeasure();
		return this.samples.entrySet().stream().map((entry) -> {
			String name = entry.getKey();
			List<Sample> series = entry.getValue();
			long warm = this.afterWarmUp.getOrDefault(name, series.getFirst().kib());
			List<Sample> afterWarm = series.stream()
				.filter((sample) -> sample.minutes() >= this.warmUpMinutes)
				.toList();
			return new Memory(name, series.getFirst().kib() / 1024, warm / 1024, end.get(name) / 1024,
					series.stream().mapToLong(Sample::kib).max().orElseThrow() / 1024, slopeMibPerMinute(afterWarm));
		}).toList();
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

	private void sample() {
		double minutes = minutes();
		this.pids.forEach((name, pid) -> this.samples.get(name).add(new Sample(minutes, residentKib(pid))));
	}

	private double minutes() {
		return (System.nanoTime() - this.started) / 60e9;
	}

	private Map<String, Long> collectAndMeasure() {
		Map<String, Long> resident = new LinkedHashMap<>();
		this.pids.forEach((name, pid) -> {
			fullCollection(pid);
			resident.put(name, residentKib(pid));
		});
		sample();
		return resident;
	}

	private static void fullCollection(long pid) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("jcmd " + pid + " GC.run did not succeed");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("jcmd " + pid + " GC.run failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long residentKib(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
				.sum();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no /proc/" + pid + "/status: has the process ended?", ex);
		}
	}

	/** The least-squares slope of the samples. */
	private static double slopeMibPerMinute(List<Sample> series) {
		double meanX = series.stream().mapToDouble(Sample::minutes).average().orElse(0);
		double meanY = series.stream().mapToDouble(Sample::kib).average().orElse(0);
		double covariance = series.stream().mapToDouble((s) -> (s.minutes() - meanX) * (s.kib() - meanY)).sum();
		double variance = series.stream().mapToDouble((s) -> (s.minutes() - meanX) * (s.minutes() - meanX)).sum();
		return (variance == 0) ? 0 : covariance / variance / 1024;
	}

	private record Sample(double minutes, long kib) {
	}

	/**
	 * One JVM's resident memory in MiB: at the start, after a full collection once warmed
	 * up (the start, when the run had no warm-up), after a full collection at the end,
	 * the most seen, and how fast it grew after the warm-up (MiB per minute, least
	 * squares).
	 */
	record Memory(String name, long start, long afterWarmUp, long end, long max, double slope) {

		/**
		 * Whether the end is within {@code tolerance} (e.g. 0.1) of the warmed-up value.
		 */
		boolean flat(double tolerance) {
			return this.end <= this.afterWarmUp * (1 + tolerance);
		}

	}

}
