package org.taskflow.gateway.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.taskflow.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The general budgets counted in memory and shared through a real Redis in batches: what
 * one instance and two instances let through, and what happens while Redis is out of
 * reach. Syncs are called by the test, so each case is one exact schedule.
 */
class BatchedWindowCounterTests {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static LettuceConnectionFactory redis;

	private static LettuceConnectionFactory deadRedis;

	@BeforeAll
	static void connect() throws IOException {
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		redis = connect(infrastructure.redisHost(), infrastructure.redisPort());
		try (ServerSocket socket = new ServerSocket(0)) {
			deadRedis = connect("127.0.0.1", socket.getLocalPort());
		}
	}

	@AfterAll
	static void disconnect() {
		redis.destroy();
		deadRedis.destroy();
	}

	@Test
	void oneInstanceCountsExactlyAndAsksRedisOnlyForTheFirstHitOfAWindow() {
		BatchedWindowCounter counter = counter(redis);
		String key = newKey();
		for (int i = 1; i <= 10; i++) {
			assertThat(hit(counter, key).count()).isEqualTo(i);
		}
		assertThat(sharedCount(key)).as("before the sync only the first hit is in Redis").isEqualTo("1");
		counter.sync().block();
		assertThat(sharedCount(key)).isEqualTo("10");
		assertThat(hit(counter, key).count()).isEqualTo(11);
	}

	@Test
	void twoInstancesLetThroughAtMostTheBudgetPlusWhatTheOtherCountedSinceItsLastSync() {
		BatchedWindowCounter first = counter(redis);
		BatchedWindowCounter second = counter(redis);
		String key = newKey();
		int budget = 50;
		int hitsPerInterval = 5;
		int admitted = 0;
		// a client sends 5 requests to each instance per sync interval for 20 intervals:
		// 200 requests, 100 to each, against a budget of 50
		for (int interval = 0; interval < 20; interval++) {
			for (int i = 0; i < hitsPerInterval; i++) {
				admitted += (hit(first, key).count() <= budget) ? 1 : 0;
				admitted += (hit(second, key).count() <= budget) ? 1 : 0;
			}
			first.sync().block();
			second.sync().block();
		}
		assertThat(admitted).as("each instance alone would admit its 50").isBetween(budget, budget + hitsPerInterval);
		assertThat(sharedCount(key)).isEqualTo("200");
	}

	@Test
	void whileRedisIsOutOfReachTheInstanceHoldsTheBudgetOnItsOwnAndKeepsTheHitsForLater() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		BatchedWindowCounter counter = new BatchedWindowCounter(windowCounter(deadRedis, meters),
				Duration.ofMillis(100), 100, System::currentTimeMillis);
		String key = newKey();
		WindowUsage first = hit(counter, key);
		assertThat(first.fallback()).as("the first hit falls back to memory").isTrue();
		for (int i = 2; i <= 5; i++) {
			assertThat(hit(counter, key).count()).isEqualTo(i);
			counter.sync().block();
		}
		assertThat(hit(counter, key).count()).as("no hit lost to a failed sync").isEqualTo(6);
		assertThat(meters.get("taskflow.gateway.ratelimit.fallback").counter().count()).isGreaterThan(1);
	}

	@Test
	void startsAfreshWhenTheWindowEnds() {
		BatchedWindowCounter counter = counter(redis);
		String key = newKey();
		Duration window = Duration.ofMillis(300);
		counter.hit(key, window).block();
		assertThat(counter.hit(key, window).block().count()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(5)).until(() -> counter.hit(key, window).block().count() == 1);
		counter.sync().block();
		assertThat(counter.size()).isEqualTo(1);
	}

	@Test
	void keepsAtMostMaxKeysWindowsAndCountsTheRestInRedisOnEveryHit() {
		BatchedWindowCounter counter = new BatchedWindowCounter(windowCounter(redis, new SimpleMeterRegistry()),
				Duration.ofMillis(100), 2, System::currentTimeMillis);
		hit(counter, newKey());
		hit(counter, newKey());
		String third = newKey();
		hit(counter, third);
		hit(counter, third);
		assertThat(counter.size()).isEqualTo(2);
		assertThat(sharedCount(third)).isEqualTo("2");
	}

	@Test
	void aZeroSyncIntervalCountsEveryHitInRedis() {
		BatchedWindowCounter counter = new BatchedWindowCounter(windowCounter(redis, new SimpleMeterRegistry()),
				Duration.ZERO, 100, System::currentTimeMillis);
		String key = newKey();
		hit(counter, key);
		hit(counter, key);
		assertThat(sharedCount(key)).isEqualTo("2");
		assertThat(counter.size()).isZero();
	}

	private static BatchedWindowCounter counter(LettuceConnectionFactory connection) {
		return new BatchedWindowCounter(windowCounter(connection, new SimpleMeterRegistry()), Duration.ofMillis(100),
				100, System::currentTimeMillis);
	}

	private static WindowCounter windowCounter(LettuceConnectionFactory connection, SimpleMeterRegistry meters) {
		return new WindowCounter(new ReactiveStringRedisTemplate(connection),
				new LocalWindowCounter(100, System::currentTimeMillis), Duration.ofMillis(200), meters);
	}

	private static WindowUsage hit(BatchedWindowCounter counter, String key) {
		return counter.hit(key, MINUTE).block();
	}

	private static String sharedCount(String key) {
		return new ReactiveStringRedisTemplate(redis).opsForValue().get("taskflow:ratelimit:" + key).block();
	}

	private static String newKey() {
		return "user:" + UUID.randomUUID();
	}

	private static LettuceConnectionFactory connect(String host, int port) {
		LettuceConnectionFactory connection = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(host, port));
		connection.afterPropertiesSet();
		connection.start();
		return connection;
	}

}
