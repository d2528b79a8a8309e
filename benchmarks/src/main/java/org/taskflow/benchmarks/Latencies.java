package org.taskflow.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/** Latency samples, in nanoseconds, and their percentiles in milliseconds. */
record Latencies(long[] sorted) {

	Latencies {
		sorted = sorted.clone();
		Arrays.sort(sorted);
	}

	static Latencies of(Collection<Long> nanos) {
		return new Latencies(nanos.stream().mapToLong(Long::longValue).toArray());
	}

	int count() {
		return this.sorted.length;
	}

	/** The nearest-rank percentile, {@code 0 < p <= 100}. */
	double percentileMillis(double p) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100 * this.sorted.length);
		return this.sorted[Math.max(0, rank - 1)] / 1e6;
	}

	double medianMillis() {
		return percentileMillis(50);
	}

}
