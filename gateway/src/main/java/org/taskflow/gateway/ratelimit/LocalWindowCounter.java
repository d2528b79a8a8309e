package org.taskflow.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fixed-window counters in this instance's memory, used while Redis is unreachable. Each
 * instance then enforces the full budget on its own, so a client gets at most budget x
 * replicas: weaker than the shared count, but bounded, unlike the stock limiter, which
 * lets everything through. Tracks at most {@code maxKeys} clients; later ones share one
 * overflow window, so a flood of new addresses cannot grow memory or escape the limit.
 */
final class LocalWindowCounter {

	static final String OVERFLOW_KEY = "\0overflow";

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final int maxKeys;

	private final LongSupplier clock;

	LocalWindowCounter(int maxKeys, LongSupplier clockMillis) {
		this.maxKeys = maxKeys;
		this.clock = clockMillis;
	}

	WindowUsage hit(String key, Duration window) {
		long now = this.clock.getAsLong();
		String counted = key;
		if (!this.windows.containsKey(key) && this.windows.size() >= this.maxKeys) {
			this.windows.values().removeIf((w) -> w.endsAt <= now);
			if (this.windows.size() >= this.maxKeys) {
				counted = OVERFLOW_KEY;
			}
		}
		Window current = this.windows.compute(counted, (k, w) -> (w == null || w.endsAt <= now)
				? new Window(now + window.toMillis(), 1) : new Window(w.endsAt, w.count + 1));
		return new WindowUsage(current.count, current.endsAt - now, true);
	}

	int size() {
		return this.windows.size();
	}

	private record Window(long endsAt, long count) {
	}

}
