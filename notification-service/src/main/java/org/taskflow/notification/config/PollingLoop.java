package org.taskflow.notification.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * A poller's loop, started and stopped with the application: one round at a time, then a
 * pause. A slow round delays the next instead of overlapping it, and a round that hangs
 * is cut off after the lease its claims hold. {@link #wake()} ends the pause early (or
 * skips the next one) when this replica has just added work that should not wait.
 */
public abstract class PollingLoop implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PollingLoop.class);

	private volatile @Nullable Disposable loop;

	private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean wanted = new AtomicBoolean();

	/** One round: claim what is due and act on it. */
	protected abstract Mono<Void> round();

	protected abstract Duration lease();

	protected abstract Duration pollInterval();

	@Override
	public void start() {
		this.loop = Mono.defer(this::round).timeout(lease()).onErrorResume((ex) -> {
			logger.warn("{} round cut off: {}", getClass().getSimpleName(), ex.toString());
			return Mono.empty();
		}).then(pause()).repeat().subscribe();
	}

	/** Asks for a round now rather than after the pause. */
	public void wake() {
		this.wanted.set(true);
		this.wakeUps.tryEmitNext(true);
	}

	private Mono<Void> pause() {
		return Mono.defer(() -> this.wanted.getAndSet(false) ? Mono.empty()
				: Mono.firstWithSignal(Mono.delay(pollInterval()).then(), this.wakeUps.asFlux().next().then())
					.doOnSuccess((done) -> this.wanted.set(false)));
	}

	@Override
	public void stop() {
		Disposable running = this.loop;
		if (running != null) {
			running.dispose();
		}
		this.loop = null;
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

}
