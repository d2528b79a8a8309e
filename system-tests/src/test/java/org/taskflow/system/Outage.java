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

	/** Returns once the outage has lasted {@code duration}; at once if it already has. */
	void holdFor(Duration duration) {
		pause(duration.minusMillis(elapsedMillis()));
	}

	/**
	 * Waits without a condition: for an outage to last, or for something that should not
	 * happen to have had its chance.
	 */
	static void pause(Duration duration) {
		if (duration.isNegative()) {
			return;
		}
		try {
			Thread.sleep(duration);
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
