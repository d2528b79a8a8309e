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
 * atomic script: increment, start the window's expiry on the first hit, read what is
 * left). When Redis errors or does not answer within the configured time, the hit is
 * counted by {@link LocalWindowCounter} instead, and the
 * {@code taskflow.gateway.ratelimit.fallback} counter says so.
 */
class WindowCounter {

	private static final Logger logger = LoggerFactory.getLogger(WindowCounter.class);

	private static final RedisScript<String> HIT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
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

	Mono<WindowUsage> hit(String key, Duration window) {
		return this.redis.execute(HIT, List.of("taskflow:ratelimit:" + key), List.of(Long.toString(window.toMillis())))
			.next()
			.map(WindowCounter::parse)
			.timeout(this.redisTimeout)
			.onErrorResume((ex) -> Mono.fromSupplier(() -> {
				warn(ex);
				this.fallbackHits.increment();
				return this.fallback.hit(key, window);
			}));
	}

	private static WindowUsage parse(String reply) {
		int colon = reply.indexOf(':');
		return new WindowUsage(Long.parseLong(reply.substring(0, colon)), Long.parseLong(reply.substring(colon + 1)),
				false);
	}

	private void warn(Throwable ex) {
		long now = System.currentTimeMillis();
		long last = this.lastWarning.get();
		if (now - last >= WARN_EVERY_MILLIS && this.lastWarning.compareAndSet(last, now)) {
			logger.warn("Redis unreachable for rate limiting, counting per instance: {}", ex.toString());
		}
	}

}
