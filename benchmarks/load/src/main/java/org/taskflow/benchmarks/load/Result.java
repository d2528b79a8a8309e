package org.taskflow.benchmarks.load;

import java.io.PrintStream;
import java.util.List;

import org.taskflow.benchmarks.load.LoadTest.Mode;
import org.taskflow.benchmarks.load.MemoryWatch.Memory;

/**
 * The figures of one load test run: what came before the steps (sign-up and warm-up, not
 * held to the targets), each step, the requests of the last step, every service JVM's
 * resident memory, and whether Gatling's assertions held.
 */
public record Result(Mode mode, Plan plan, List<Figures> before, List<Figures> steps, List<Figures> lastStepRequests,
		List<Memory> memory, boolean assertionsPassed) {

	/**
	 * Whether the run met its targets: Gatling's assertions and, in a soak, memory that
	 * stayed flat.
	 */
	public boolean passed() {
		return this.assertionsPassed && (this.mode != Mode.SOAK || memoryFlat());
	}

	boolean memoryFlat() {
		return this.memory.stream().allMatch((jvm) -> jvm.flat(LoadTest.FLAT));
	}

	/** The first rate whose p95 passed the target, if any. */
	public String saturation() {
		return this.steps.stream()
			.filter((step) -> step.p95() >= 200)
			.findFirst()
			.map(Figures::name)
			.orElse("not reached (up to " + this.steps.getLast().name() + ")");
	}

	void print(PrintStream out) {
		out.printf("%nTaskFlow load through the gateway: %s; %d CPUs, %s%n", this.mode.name().toLowerCase(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
		out.printf(
				"%d people with %d tasks each; each virtual user sends one request: 70%% reads, 20%% writes, "
						+ "10%% search; open model, each rate held %d s%n%n",
				this.plan.people(), this.plan.tasksPerPerson(), this.plan.step().toSeconds());
		table(out, "before the steps", this.before, 0);
		out.println();
		table(out, "rate", this.steps, this.plan.step().toSeconds());
		out.println();
		table(out, "requests at " + this.steps.getLast().name(), this.lastStepRequests, this.plan.step().toSeconds());
		out.printf("%n%-22s %10s %10s %10s %10s %14s  %s%n", "resident memory (MiB)", "start", "warm+GC", "end+GC",
				"max", "slope MiB/min", "flat (end <= warm + " + Math.round(LoadTest.FLAT * 100) + "%)");
		for (Memory jvm : this.memory) {
			out.printf("%-22s %10d %10d %10d %10d %14.2f  %s%n", jvm.name(), jvm.start(), jvm.afterWarmUp(), jvm.end(),
					jvm.max(), jvm.slope(), jvm.flat(LoadTest.FLAT) ? "yes" : "NO");
		}
		out.println();
		if (this.mode == Mode.SATURATION) {
			out.println("saturation (first rate with p95 >= 200 ms): " + saturation());
		}
		else {
			out.printf("targets (p95 < %d ms, no KO%s): %s%n", this.plan.p95Millis(),
					(this.mode == Mode.SOAK) ? ", memory flat" : "", passed() ? "met" : "NOT met");
		}
	}

	/** The rows' figures, and their rate over {@code seconds} where that is known. */
	private static void table(PrintStream out, String title, List<Figures> rows, long seconds) {
		out.printf("%-30s %9s %8s %8s %8s %8s %8s %6s%n", title, "requests", "req/s", "p50 ms", "p95 ms", "p99 ms",
				"max ms", "KO");
		for (Figures row : rows) {
			out.printf("%-30s %9d %8s %8d %8d %8d %8d %6d%n", row.name(), row.requests(),
					(seconds > 0) ? "%.1f".formatted((double) row.requests() / seconds) : "-", row.p50(), row.p95(),
					row.p99(), row.max(), row.failed());
		}
	}

}
