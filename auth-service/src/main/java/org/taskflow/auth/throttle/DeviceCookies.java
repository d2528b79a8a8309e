package org.taskflow.auth.throttle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.ResponseCookie;

/**
 * OWASP's device cookie: after a successful login the browser gets
 * {@code <nonce>.<HMAC(account, nonce)>}, which proves later that this device logged in
 * to this account before. The HMAC key is made once and kept in Redis, so every replica
 * signs and verifies alike; deleting it only makes every device unknown again. The cookie
 * names no account: the signature is checked against the email of each attempt.
 */
final class DeviceCookies {

	static final String NAME = "taskflow_device";

	private static final String KEY = "auth:throttle:device-key";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final StringRedisTemplate redis;

	private final SecureRandom random = new SecureRandom();

	private final Duration lifetime;

	DeviceCookies(StringRedisTemplate redis, Duration lifetime) {
		this.redis = redis;
		this.lifetime = lifetime;
	}

	/** A new cookie for a device that just logged in to the account. */
	ResponseCookie issue(String account) {
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		String id = BASE64.encodeToString(nonce);
		return ResponseCookie.from(NAME, id + "." + sign(account, id))
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/")
			.maxAge(this.lifetime)
			.build();
	}

	/** The device's id when the cookie is one this service issued for the account. */
	Optional<String> verify(@Nullable String cookie, String account) {
		if (cookie == null) {
			return Optional.empty();
		}
		int dot = cookie.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String id = cookie.substring(0, dot);
		byte[] expected = sign(account, id).getBytes(StandardCharsets.US_ASCII);
		byte[] given = cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
	}

	private String sign(String account, String id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return BASE64.encodeToString(mac.doFinal((account + "|" + id).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		String key = this.redis.opsForValue().get(KEY);
		if (key == null) {
			byte[] fresh = new byte[32];
			this.random.nextBytes(fresh);
			// the first replica to store one wins; every other reads it back
			this.redis.opsForValue().setIfAbsent(KEY, BASE64.encodeToString(fresh));
			key = this.redis.opsForValue().get(KEY);
		}
		if (key == null) {
			throw new IllegalStateException("The device-cookie key vanished from Redis");
		}
		return Base64.getUrlDecoder().decode(key);
	}

}
