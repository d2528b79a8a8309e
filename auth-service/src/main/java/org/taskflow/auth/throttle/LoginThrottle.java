package org.taskflow.auth.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.taskflow.auth.AuthProperties;
import org.taskflow.auth.Digests;
import org.taskflow.auth.Emails;
import org.taskflow.support.web.ApiException;
import org.taskflow.support.web.Problems;

/**
 * Exponential back-off on whoever guesses passwords, after OWASP's Authentication and
 * Credential Stuffing cheat sheets. An attempt is judged by three counters, each a
 * failure count with a block that doubles per failure beyond its free attempts:
 * <ul>
 * <li><b>account and source together</b>: a device cookie of this account, or else the
 * client address. Guessing from one place slows that place only; the owner elsewhere is
 * not affected;</li>
 * <li><b>source</b>: the address across all accounts (credential stuffing from one
 * place);</li>
 * <li><b>account</b>: all failures of the account from untrusted places, a ceiling
 * against guessing spread over many addresses.</li>
 * </ul>
 * A device with this account's device cookie is judged by its own counter only, and an
 * address the account logged in from before (a known source) by the first counter only:
 * neither is locked out by an attack going on elsewhere, which is the point. Counted for
 * any email, registered or not, and answered alike, so it reveals nothing about which
 * accounts exist. Blocks are capped and failures forgotten after a window, so nobody is
 * locked out for good.
 */
@Component
public class LoginThrottle {

	/** Returns the longest remaining block among KEYS in milliseconds, 0 if none. */
	private static final RedisScript<Long> CHECK = RedisScript.of("""
			local wait = 0
			for _, key in ipairs(KEYS) do
			  wait = math.max(wait, redis.call('PTTL', key))
			end
			return wait
			""", Long.class);

	/**
	 * KEYS: (failures, block) per counter; ARGV: window ms, base delay ms, max delay ms,
	 * then each counter's free attempts.
	 */
	private static final RedisScript<Long> FAIL = RedisScript.of("""
			local window, base, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
			for i = 1, #KEYS, 2 do
			  local count = redis.call('INCR', KEYS[i])
			  redis.call('PEXPIRE', KEYS[i], window)
			  local free = tonumber(ARGV[3 + (i + 1) / 2])
			  if count >= free then
			    local delay = math.min(base * 2 ^ math.min(30, count - free), max)
			    redis.call('SET', KEYS[i + 1], '1', 'PX', math.floor(delay))
			  end
			end
			return 0
			""", Long.class);

	private static final String PREFIX = "auth:throttle:";

	private final StringRedisTemplate redis;

	private final AuthProperties.Lockout settings;

	private final DeviceCookies devices;

	LoginThrottle(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.settings = properties.lockout();
		this.devices = new DeviceCookies(redis, this.settings.knownFor());
	}

	/**
	 * Starts an attempt to check the password of {@code email}, or refuses it with
	 * {@code 429 login-throttled} while the counters that judge it are blocked.
	 */
	public Attempt begin(String email, Source source) {
		String account = account(email);
		Optional<String> device = this.devices.verify(source.deviceCookie(), account);
		String address = Digests.sha256(source.address());
		List<Counter> counters = new ArrayList<>();
		counters
			.add(new Counter("pair:" + account + ":" + device.map((id) -> "device:" + id).orElse("address:" + address),
					this.settings.freeAttempts()));
		if (device.isEmpty()) {
			counters.add(new Counter("source:" + address, this.settings.sourceFreeAttempts()));
			counters.add(new Counter("account:" + account, this.settings.accountFreeAttempts()));
		}
		String known = PREFIX + "known:" + account + ":" + address;
		boolean trusted = device.isPresent() || Boolean.TRUE.equals(this.redis.hasKey(known));
		List<String> blocks = (trusted ? counters.subList(0, 1) : counters).stream().map(Counter::block).toList();
		Long wait = this.redis.execute(CHECK, blocks);
		if (wait != null && wait > 0) {
			throw new ApiException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
					"Too many failed attempts. Try again later."), Duration.ofMillis(wait));
		}
		return new Attempt(counters, known);
	}

	/** A new device cookie for a browser that has just proven it knows the password. */
	public ResponseCookie deviceCookie(String email) {
		return this.devices.issue(account(email));
	}

	private static String account(String email) {
		return Digests.sha256(Emails.normalise(email));
	}

	private record Counter(String name, int free) {

		String failures() {
			return PREFIX + "failures:" + this.name;
		}

		String block() {
			return PREFIX + "blocked:" + this.name;
		}

	}

	/** One password check under way; the caller reports how it went. */
	public final class Attempt {

		private final List<Counter> counters;

		private final String knownSource;

		private Attempt(List<Counter> counters, String knownSource) {
			this.counters = counters;
			this.knownSource = knownSource;
		}

		/** The password was wrong: every counter of the attempt counts it. */
		public void failed() {
			List<String> keys = new ArrayList<>();
			List<String> args = new ArrayList<>(List.of(Long.toString(LoginThrottle.this.settings.window().toMillis()),
					Long.toString(LoginThrottle.this.settings.baseDelay().toMillis()),
					Long.toString(LoginThrottle.this.settings.maxDelay().toMillis())));
			for (Counter counter : this.counters) {
				keys.add(counter.failures());
				keys.add(counter.block());
				args.add(Integer.toString(counter.free()));
			}
			LoginThrottle.this.redis.execute(FAIL, keys, args.toArray());
		}

		/**
		 * The password was right: this device or address starts again from zero and is a
		 * known source of the account from now on. The counters of the address and the
		 * account go on, since an attack on them may still be under way.
		 */
		public void succeeded() {
			Counter pair = this.counters.get(0);
			LoginThrottle.this.redis.delete(List.of(pair.failures(), pair.block()));
			LoginThrottle.this.redis.opsForValue().set(this.knownSource, "1", LoginThrottle.this.settings.knownFor());
		}

	}

}
