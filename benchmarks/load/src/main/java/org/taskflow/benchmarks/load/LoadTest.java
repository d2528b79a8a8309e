package org.taskflow.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;

import org.taskflow.infra.LocalStack;
import org.taskflow.infra.LocalStack.Service;

/**
 * The load test through the gateway, in one of its {@link Mode modes}: starts the whole
 * suite on free ports, runs {@link MixedWorkload} against it in this JVM while watching
 * the resident memory of every service JVM, prints the figures, and stops the suite.
 * Usage: {@code LoadTest smoke|soak|saturation <repository> <work-dir>}, or
 * {@code benchmarks/load/run.sh}, which builds what it runs first.
 */
public final class LoadTest {

	/** A run's end resident memory may exceed its warmed-up value by this much. */
	static final double FLAT = 0.10;

	private static final int P95_MILLIS = 200;

	private LoadTest() {
	}

	/**
	 * What a run does; {@code -Drates=...}, {@code -Dseconds=}, {@code -Dpeople=} change
	 * it.
	 */
	public enum Mode {

		/** A minute at a modest rate: for CI. */
		SMOKE(new Settings(30, List.of(20), Duration.ofSeconds(60), P95_MILLIS, Duration.ofSeconds(60))),

		/**
		 * Ten minutes at 100 req/s, one saturation step below the highest that met the
		 * targets (150): the targets hold, and resident memory stays flat.
		 */
		SOAK(new Settings(50, List.of(100), Duration.ofMinutes(10), P95_MILLIS, Duration.ofMinutes(2))),

		/** Short steps of rising rates, only measured: where p95 passes 200 ms. */
		SATURATION(new Settings(50, List.of(25, 50, 75, 100, 150, 200, 250), Duration.ofSeconds(20), 0,
				Duration.ofSeconds(60)));

		private final Settings settings;

		Mode(Settings settings) {
			this.settings = settings;
		}

	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: LoadTest smoke|soak|saturation <repository> <work-dir>");
			System.exit(2);
		}
		Mode mode = Mode.valueOf(args[0].toUpperCase(Locale.ROOT));
		Result result = run(mode, Path.of(args[1]), Path.of(args[2]));
		System.exit(result.passed() ? 0 : 1);
	}

	/**
	 * Runs the load test in {@code mode}, with the overrides given as system properties.
	 */
	public static Result run(Mode mode, Path home, Path workDir) throws IOException, InterruptedException {
		Settings settings = mode.settings.overridden();
		Path results = workDir.resolve("gatling");
		try (LocalStack suite = LocalStack.withFreePorts(home.toAbsolutePath().normalize(), workDir)
			// every person here signs up and logs in from this one address within
			// seconds;
			// the other limits stay as shipped (50 people at 250 req/s use half their
			// budget)
			.property(Service.GATEWAY, "taskflow.gateway.rate-limit.credentials", "100000")
			.start()) {
			Plan plan = new Plan(suite.gatewayUrl(), settings.people(), 10, settings.rates(), settings.step(),
					settings.p95Millis());
			plan.toSystemProperties();
			Map<String, Long> pids = new LinkedHashMap<>();
			Stream.of(Service.values()).forEach((service) -> pids.put(service.serviceName(), suite.pid(service)));
			List<MemoryWatch.Memory> memory;
			int status;
			try (MemoryWatch watch = new MemoryWatch(pids, settings.warmUp())) {
				status = Gatling$.MODULE$.fromArgs(new String[] { "--simulation", MixedWorkload.class.getName(),
						"--results-folder", results.toString() });
				memory = watch.stop();
			}
			GatlingReport report = GatlingReport.newestIn(results);
			Result result = new Result(mode, plan,
					List.of(report.group(MixedWorkload.SIGN_UP), report.group(MixedWorkload.WARM_UP)),
					settings.rates().stream().map((rate) -> report.group(Plan.stepName(rate))).toList(),
					report.requests(Plan.stepName(settings.rates().getLast())), memory, status == 0);
			result.print(System.out);
			System.out.println("Gatling's report: " + results.toAbsolutePath());
			return result;
		}
	}

	/**
	 * How a mode runs: people signed up, one step per rate, each held {@code step};
	 * memory's warmed-up figures taken {@code warmUp} after the start.
	 */
	private record Settings(int people, List<Integer> rates, Duration step, int p95Millis, Duration warmUp) {

		Settings overridden() {
			String rates = System.getProperty("rates");
			return new Settings(Integer.getInteger("people", this.people),
					(rates != null) ? Stream.of(rates.split(",")).map(Integer::valueOf).toList() : this.rates,
					Duration.ofSeconds(Integer.getInteger("seconds", (int) this.step.toSeconds())), this.p95Millis,
					this.warmUp);
		}

	}

}
