package org.taskflow.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalWindowCounterTests {

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final LocalWindowCounter counter = new LocalWindowCounter(2, this.now::get);

	@Test
	void countsHitsWithinAWindowAndStartsAfreshAfterIt() {
		assertThat(this.counter.hit("a", Duration.ofSeconds(10)).count()).isEqualTo(1);
		this.now.addAndGet(4_000);
		WindowUsage second = this.counter.hit("a", Duration.ofSeconds(10));
		assertThat(second.count()).isEqualTo(2);
		assertThat(second.resetMillis()).isEqualTo(6_000);
		assertThat(second.fallback()).isTrue();
		this.now.addAndGet(6_000);
		assertThat(this.counter.hit("a", Duration.ofSeconds(10)).count()).isEqualTo(1);
	}

	@Test
	void sharesOneOverflowBudgetOnceFullSoMemoryStaysBounded() {
		this.counter.hit("a", Duration.ofSeconds(10));
		this.counter.hit("b", Duration.ofSeconds(10));
		assertThat(this.counter.hit("c", Duration.ofSeconds(10)).count()).isEqualTo(1);
		assertThat(this.counter.hit("d", Duration.ofSeconds(10)).count()).isEqualTo(2);
		assertThat(this.counter.size()).isEqualTo(3);
	}

	@Test
	void dropsExpiredWindowsBeforeOverflowing() {
		this.counter.hit("a", Duration.ofSeconds(10));
		this.counter.hit("b", Duration.ofSeconds(10));
		this.now.addAndGet(10_000);
		assertThat(this.counter.hit("c", Duration.ofSeconds(10)).count()).isEqualTo(1);
		assertThat(this.counter.hit("c", Duration.ofSeconds(10)).count()).isEqualTo(2);
		assertThat(this.counter.size()).isEqualTo(1);
	}

}
