package org.taskflow.notification.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * A poller's loop, started and stopped with the application: one round at a time, then a
 * pause. A slow round delays the next instead of overlapping it, and a round that hangs
 * is cut off after the lease its claims hold.
 */
public abstract class PollingLoop implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PollingLoop.class);

	private volatile @Nullable Disposable loop;

	/** One round: claim what is due and act on it. */
	protected abstract Mono<Void> round();

	protected abstract Duration lease();

	protected abstract Duration pollInterval();

	@Override
	public void start() {
		this.loop = Mono.defer(this::round).timeout(lease()).onErrorResume((ex) -> {
			logger.warn("{} round cut off: {}", getClass().getSimpleName(), ex.toString());
			return Mono.empty();
		}).then(Mono.delay(pollInterval())).repeat().subscribe();
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
