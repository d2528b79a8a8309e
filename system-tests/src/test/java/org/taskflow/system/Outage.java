package org.taskflow.system;

import java.time.Duration;

/**
 * The clock of a fault scenario: when a piece was taken away, and holding the outage for
 * as long as the scenario says, however long the work done meanwhile took.
 */
final class Outage {

	private final long started = System.nanoTime();

	/** An outage that starts now. */
	static Outage begins() {
		return new Outage();
	}

	/** Milliseconds since the outage began. */
	long elapsedMillis() {
		return elapsedMillis(this.started);
	}

	/**
	 * Returns once the outage has lasted {@code duration}; at once if it already has.
	 * This is the one place a scenario waits without a condition: the outage itself.
	 */
	void holdFor(Duration duration) {
		Duration left = duration.minusMillis(elapsedMillis());
		if (left.isNegative()) {
			return;
		}
		try {
			Thread.sleep(left);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static long elapsedMillis(long since) {
		return Duration.ofNanos(System.nanoTime() - since).toMillis();
	}

}
