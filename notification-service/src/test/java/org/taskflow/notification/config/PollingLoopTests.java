package org.taskflow.notification.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PollingLoopTests {

	private final CountingLoop loop = new CountingLoop();

	@AfterEach
	void stop() {
		this.loop.stop();
	}

	@Test
	void roundsStartAtOnceThenWaitForThePollInterval() throws InterruptedException {
		this.loop.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.loop.rounds.get() == 1);
		Thread.sleep(300);
		assertThat(this.loop.rounds).hasValue(1);
	}

	@Test
	void wakeEndsThePauseAndAWakeDuringARoundIsNotLost() {
		this.loop.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.loop.rounds.get() == 1);
		this.loop.wake();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.loop.rounds.get() == 2);

		// asked for while the round runs: the next round follows it without a pause
		this.loop.roundTime = Duration.ofMillis(300);
		this.loop.wake();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.loop.rounds.get() == 3);
		this.loop.wake();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.loop.rounds.get() == 4);
	}

	/** Polls once an hour, so any round after the first was asked for. */
	static class CountingLoop extends PollingLoop {

		final AtomicInteger rounds = new AtomicInteger();

		volatile Duration roundTime = Duration.ZERO;

		@Override
		protected Mono<Void> round() {
			this.rounds.incrementAndGet();
			return Mono.delay(this.roundTime).then();
		}

		@Override
		protected Duration lease() {
			return Duration.ofMinutes(1);
		}

		@Override
		protected Duration pollInterval() {
			return Duration.ofHours(1);
		}

	}

}
