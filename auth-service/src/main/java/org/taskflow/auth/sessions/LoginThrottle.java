package org.taskflow.auth.sessions;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.taskflow.auth.AuthProperties;
import org.taskflow.auth.Digests;
import org.taskflow.support.web.ApiException;
import org.taskflow.support.web.Problems;

/**
 * Exponential backoff after repeated login failures, per account and per address. Counted
 * for any email, registered or not, and answered alike, so it reveals nothing about which
 * accounts exist. The delay is capped and failures are forgotten after a window, so an
 * attacker can slow a victim down but never lock them out for good.
 */
@Component
class LoginThrottle {

	private final StringRedisTemplate redis;

	private final AuthProperties.Lockout settings;

	LoginThrottle(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.settings = properties.lockout();
	}

	/** Refuses the attempt if the account or the address is backing off. */
	void check(String email, String address) {
		long wait = Math.max(pttl(blockKey("acct", Digests.sha256(email))), pttl(blockKey("ip", address)));
		if (wait > 0) {
			throw new ApiException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
					"Too many failed attempts. Try again later."), Duration.ofMillis(wait));
		}
	}

	void failed(String email, String address) {
		fail("acct", Digests.sha256(email), this.settings.freeAttempts());
		fail("ip", address, this.settings.ipFreeAttempts());
	}

	void succeeded(String email) {
		this.redis.delete(failKey("acct", Digests.sha256(email)));
	}

	private void fail(String kind, String id, int free) {
		String failures = failKey(kind, id);
		Long count = this.redis.opsForValue().increment(failures);
		this.redis.expire(failures, this.settings.window());
		if (count != null && count >= free) {
			int doublings = (int) Math.min(30, count - free);
			long millis = Math.min(this.settings.baseDelay().toMillis() << doublings,
					this.settings.maxDelay().toMillis());
			this.redis.opsForValue().set(blockKey(kind, id), "1", Duration.ofMillis(millis));
		}
	}

	private long pttl(String key) {
		Long ttl = this.redis.getExpire(key, java.util.concurrent.TimeUnit.MILLISECONDS);
		return (ttl == null) ? 0 : ttl;
	}

	private static String failKey(String kind, String id) {
		return "auth:login-failures:" + kind + ":" + id;
	}

	private static String blockKey(String kind, String id) {
		return "auth:login-blocked:" + kind + ":" + id;
	}

}
