package org.taskflow.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Counts the general budgets (per user, per address without a token) in this instance's
 * memory and adds them to the shared count in Redis in batches, once every
 * {@code syncInterval}, so that a request does not wait for Redis.
 * <p>
 * The first hit of a key in a window is counted at once in Redis
 * ({@link WindowCounter#hit}): its answer says how many hits the other instances have
 * counted and when the window ends. Later hits are decided from that shared count plus
 * the hits counted here since; each sync adds those to Redis and brings the shared count
 * up to date. So one instance counts exactly, and with several a client who spreads its
 * requests over them can go over its budget by at most what the other instances let
 * through within one sync interval (plus one Redis round trip). While Redis is out of
 * reach the hits wait here and each instance holds the budget on its own, as
 * {@link LocalWindowCounter} does. At most {@code maxKeys} windows are kept; a key beyond
 * that is counted in Redis on every hit. The hits of the last interval before the
 * instance stops are not shared. A {@code syncInterval} of zero counts every hit in
 * Redis, exactly across instances, at the cost of a round trip per request.
 */
final class BatchedWindowCounter implements InitializingBean, DisposableBean {

	/** Redis commands in flight at once during a sync (Lettuce pipelines them). */
	private static final int CONCURRENT_ADDS = 64;

	private final WindowCounter shared;

	private final Duration syncInterval;

	private final int maxKeys;

	private final LongSupplier clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private Disposable syncing = Disposables.disposed();

	BatchedWindowCounter(WindowCounter shared, Duration syncInterval, int maxKeys, LongSupplier clockMillis) {
		this.shared = shared;
		this.syncInterval = syncInterval;
		this.maxKeys = maxKeys;
		this.clock = clockMillis;
	}

	Mono<WindowUsage> hit(String key, Duration window) {
		Window known = this.windows.get(key);
		WindowUsage usage = (known != null) ? known.hit(this.clock.getAsLong()) : null;
		if (usage != null) {
			return Mono.just(usage);
		}
		if (this.syncInterval.isZero() || (known == null && this.windows.size() >= this.maxKeys)) {
			return this.shared.hit(key, window);
		}
		long now = this.clock.getAsLong();
		return this.shared.hit(key, window)
			.doOnNext((first) -> this.windows.merge(key,
					new Window(key, window, now + first.resetMillis(), first.count()),
					(old, started) -> (old.endsAt > now) ? old : started));
	}

	/**
	 * Adds the hits counted here since the last sync to Redis and takes the shared counts
	 * back; forgets windows that have ended. The first failure ends the round, and every
	 * hit not added waits for the next.
	 */
	Mono<Void> sync() {
		long now = this.clock.getAsLong();
		this.windows.values().removeIf((w) -> w.endsAt <= now);
		return Flux.fromIterable(this.windows.values()).flatMap((w) -> {
			long hits = w.takePending();
			if (hits == 0) {
				return Mono.empty();
			}
			return this.shared.add(w.key, hits, w.length)
				.doOnNext((usage) -> w.synced(usage.count(), this.clock.getAsLong() + usage.resetMillis()))
				.doOnError((ex) -> {
					w.unsynced();
					this.shared.unshared(ex, hits);
				})
				.doOnCancel(w::unsynced);
		}, CONCURRENT_ADDS).then().onErrorComplete();
	}

	int size() {
		return this.windows.size();
	}

	/** Starts syncing every {@code syncInterval}. */
	@Override
	public void afterPropertiesSet() {
		if (!this.syncInterval.isZero()) {
			this.syncing = Flux.interval(this.syncInterval)
				.onBackpressureDrop()
				.concatMap((tick) -> sync())
				.subscribe();
		}
	}

	@Override
	public void destroy() {
		this.syncing.dispose();
	}

	/**
	 * One key's window: the shared count as Redis last told it, the hits counted here and
	 * not yet added to it, and those on their way to Redis.
	 */
	private static final class Window {

		private final String key;

		private final Duration length;

		private long endsAt;

		private long shared;

		private long pending;

		private long sending;

		Window(String key, Duration length, long endsAt, long shared) {
			this.key = key;
			this.length = length;
			this.endsAt = endsAt;
			this.shared = shared;
		}

		/** This hit's usage, or null once the window has ended. */
		synchronized @Nullable WindowUsage hit(long now) {
			if (now >= this.endsAt) {
				return null;
			}
			this.pending++;
			return new WindowUsage(this.shared + this.sending + this.pending, this.endsAt - now, false);
		}

		synchronized long takePending() {
			this.sending = this.pending;
			this.pending = 0;
			return this.sending;
		}

		synchronized void synced(long sharedCount, long endsAt) {
			this.shared = sharedCount;
			this.sending = 0;
			this.endsAt = endsAt;
		}

		/** The hits on their way did not reach Redis: they wait for the next sync. */
		synchronized void unsynced() {
			this.pending += this.sending;
			this.sending = 0;
		}

	}

}
