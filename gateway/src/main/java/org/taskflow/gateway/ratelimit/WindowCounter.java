package org.taskflow.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counts hits per key in fixed windows shared by all gateway instances through Redis (one
 * atomic script: add, start the window's expiry on the first hit, read what is left).
 * When Redis errors or does not answer within the configured time, a hit is counted by
 * {@link LocalWindowCounter} instead, and the {@code taskflow.gateway.ratelimit.fallback}
 * counter says so.
 */
class WindowCounter {

	private static final Logger logger = LoggerFactory.getLogger(WindowCounter.class);

	private static final RedisScript<String> HIT = RedisScript.of("""
			local count = redis.call('INCRBY', KEYS[1], ARGV[2])
			if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[1])
			  ttl = tonumber(ARGV[1])
			end
			return count .. ':' .. ttl
			""", String.class);

	private static final long WARN_EVERY_MILLIS = 10_000;

	private final ReactiveStringRedisTemplate redis;

	private final LocalWindowCounter fallback;

	private final Duration redisTimeout;

	private final Counter fallbackHits;

	private final AtomicLong lastWarning = new AtomicLong();

	WindowCounter(ReactiveStringRedisTemplate redis, LocalWindowCounter fallback, Duration redisTimeout,
			MeterRegistry meters) {
		this.redis = redis;
		this.fallback = fallback;
		this.redisTimeout = redisTimeout;
		this.fallbackHits = Counter.builder("taskflow.gateway.ratelimit.fallback")
			.description("Rate-limit hits counted in memory because Redis was unreachable")
			.register(meters);
	}

	/** Counts one hit, in Redis or, while Redis is out of reach, in memory. */
	Mono<WindowUsage> hit(String key, Duration window) {
		return add(key, 1, window).onErrorResume((ex) -> Mono.fromSupplier(() -> {
			unshared(ex, 1);
			return this.fallback.hit(key, window);
		}));
	}

	/**
	 * Adds hits counted elsewhere to the shared count; fails when Redis does not answer
	 * in time.
	 */
	Mono<WindowUsage> add(String key, long hits, Duration window) {
		return this.redis
			.execute(HIT, List.of("taskflow:ratelimit:" + key),
					List.of(Long.toString(window.toMillis()), Long.toString(hits)))
			.next()
			.map(WindowCounter::parse)
			.timeout(this.redisTimeout);
	}

	private static WindowUsage parse(String reply) {
		int colon = reply.indexOf(':');
		return new WindowUsage(Long.parseLong(reply.substring(0, colon)), Long.parseLong(reply.substring(colon + 1)),
				false);
	}

	/**
	 * Says that hits were counted in this instance's memory only, because Redis did not
	 * answer: on the {@code taskflow.gateway.ratelimit.fallback} counter and, at most
	 * every 10 s, in the log.
	 */
	void unshared(Throwable ex, long hits) {
		this.fallbackHits.increment(hits);
		long now = System.currentTimeMillis();
		long last = this.lastWarning.get();
		if (now - last >= WARN_EVERY_MILLIS && this.lastWarning.compareAndSet(last, now)) {
			logger.warn("Redis unreachable for rate limiting, counting per instance: {}", ex.toString());
		}
	}

}
