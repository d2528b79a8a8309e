package org.taskflow.auth.sessions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.taskflow.auth.AuthProperties;
import org.taskflow.auth.Digests;
import org.taskflow.support.security.RevokedSessions;

/**
 * Refresh-token families (one per login, i.e. one session) in Redis. A token is opaque,
 * stored only as its SHA-256, and rotated on every use; presenting a token that was
 * already rotated means it leaked, so the whole family is revoked (RFC 9700 §4.14.2).
 * Each operation is one Lua script, so two concurrent refreshes with the same token
 * cannot both succeed.
 * <p>
 * Ending a family also ends its access tokens before they expire: the same script adds
 * the family id (the tokens' {@code sid}) to support-security's
 * {@link RevokedSessions#KEY revoked sessions}, scored with the time by which every
 * access token of the family has expired, and publishes it, so the gateway and every
 * service refuse those tokens within moments.
 *
 * <p>
 * Keys: {@code auth:rt:<hash>} → family id (kept after rotation, to recognise reuse);
 * {@code auth:family:<id>} → hash of user, current token hash, times, user agent,
 * address; {@code auth:family:<id>:tokens} → every token hash of the family;
 * {@code auth:user:<id>:families} → the user's families.
 */
@Component
class RefreshTokens {

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokens.class);

	/**
	 * Ends a family; {@code now} and {@code refused} (until when its access tokens are
	 * refused) in seconds.
	 */
	private static final String REVOKE_FUNCTION = """
			local function revoke(fid, user, now, refused)
			  local fkey = 'auth:family:' .. fid
			  for _, hash in ipairs(redis.call('SMEMBERS', fkey .. ':tokens')) do
			    redis.call('DEL', 'auth:rt:' .. hash)
			  end
			  redis.call('DEL', fkey, fkey .. ':tokens')
			  redis.call('SREM', 'auth:user:' .. user .. ':families', fid)
			  redis.call('ZADD', '%1$s', refused, fid)
			  redis.call('ZREMRANGEBYSCORE', '%1$s', '-inf', now)
			  redis.call('PUBLISH', '%1$s', fid .. ' ' .. refused)
			end
			""".formatted(RevokedSessions.KEY);

	/** ARGV: family, user, token hash, now, ttl, absolute expiry, user agent, address. */
	private static final RedisScript<Long> START = RedisScript.of("""
			local fkey = 'auth:family:' .. ARGV[1]
			redis.call('HSET', fkey, 'user', ARGV[2], 'current', ARGV[3], 'created', ARGV[4], 'lastUsed', ARGV[4],
			  'absoluteExpiry', ARGV[6], 'userAgent', ARGV[7], 'address', ARGV[8])
			redis.call('EXPIRE', fkey, ARGV[5])
			redis.call('SET', 'auth:rt:' .. ARGV[3], ARGV[1], 'EX', ARGV[5])
			redis.call('SADD', fkey .. ':tokens', ARGV[3])
			redis.call('EXPIRE', fkey .. ':tokens', ARGV[5])
			redis.call('SADD', 'auth:user:' .. ARGV[2] .. ':families', ARGV[1])
			return 1
			""", Long.class);

	/**
	 * ARGV: presented hash, new hash, now, ttl, user agent, address, access tokens
	 * refused until. Returns {outcome, family, user}.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ROTATE = RedisScript.of(REVOKE_FUNCTION + """
			local fid = redis.call('GET', 'auth:rt:' .. ARGV[1])
			if not fid then return {'invalid'} end
			local fkey = 'auth:family:' .. fid
			local user = redis.call('HGET', fkey, 'user')
			if not user then return {'invalid'} end
			if redis.call('HGET', fkey, 'current') ~= ARGV[1] then
			  revoke(fid, user, ARGV[3], ARGV[7])
			  return {'reused', fid, user}
			end
			local remaining = tonumber(redis.call('HGET', fkey, 'absoluteExpiry')) - tonumber(ARGV[3])
			if remaining <= 0 then
			  revoke(fid, user, ARGV[3], ARGV[7])
			  return {'invalid'}
			end
			local ttl = math.min(tonumber(ARGV[4]), remaining)
			redis.call('HSET', fkey, 'current', ARGV[2], 'lastUsed', ARGV[3], 'userAgent', ARGV[5], 'address', ARGV[6])
			redis.call('SET', 'auth:rt:' .. ARGV[2], fid, 'EX', ttl)
			redis.call('SADD', fkey .. ':tokens', ARGV[2])
			for _, key in ipairs({fkey, fkey .. ':tokens', 'auth:rt:' .. ARGV[1]}) do redis.call('EXPIRE', key, ttl) end
			return {'rotated', fid, user}
			""", List.class);

	/**
	 * ARGV: family, the user it must belong to (empty: any), now, access tokens refused
	 * until. Returns 1 if revoked.
	 */
	private static final RedisScript<Long> REVOKE = RedisScript.of(REVOKE_FUNCTION + """
			local user = redis.call('HGET', 'auth:family:' .. ARGV[1], 'user')
			if not user or (ARGV[2] ~= '' and user ~= ARGV[2]) then return 0 end
			revoke(ARGV[1], user, ARGV[3], ARGV[4])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final AuthProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	RefreshTokens(StringRedisTemplate redis, AuthProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/** Starts a session: a new family with its first token. */
	Issued startFamily(String userId, String userAgent, String address) {
		String token = newToken();
		String family = UUID.randomUUID().toString();
		long now = now();
		this.redis.execute(START, List.of(), family, userId, Digests.sha256(token), Long.toString(now),
				Long.toString(this.properties.refreshTokenTtl().toSeconds()),
				Long.toString(now + this.properties.sessionMaxLifetime().toSeconds()), clip(userAgent), clip(address));
		return new Issued(token, family);
	}

	/** Exchanges a token for the next one of its family. */
	Rotation rotate(String presented, String userAgent, String address) {
		String next = newToken();
		List<?> result = this.redis.execute(ROTATE, List.of(), Digests.sha256(presented), Digests.sha256(next),
				Long.toString(now()), Long.toString(this.properties.refreshTokenTtl().toSeconds()), clip(userAgent),
				clip(address), refusedUntil());
		return switch (String.valueOf(result.getFirst())) {
			case "rotated" -> new Rotation.Rotated(next, (String) result.get(1), (String) result.get(2));
			case "reused" -> {
				logger.warn("Refresh token reuse: family {} of user {} revoked (address {})", result.get(1),
						result.get(2), address);
				yield new Rotation.Rejected();
			}
			default -> new Rotation.Rejected();
		};
	}

	/** The family a token belongs to, if it is known. */
	Optional<String> familyOf(String token) {
		return Optional.ofNullable(this.redis.opsForValue().get("auth:rt:" + Digests.sha256(token)));
	}

	void revoke(String family) {
		this.redis.execute(REVOKE, List.of(), family, "", Long.toString(now()), refusedUntil());
	}

	/**
	 * Revokes a family only if it is the user's; false when there is no such session of
	 * theirs.
	 */
	boolean revoke(String userId, String family) {
		return Objects
			.equals(this.redis.execute(REVOKE, List.of(), family, userId, Long.toString(now()), refusedUntil()), 1L);
	}

	/** Revokes every session of a user except {@code keep} (may be null). */
	void revokeAll(String userId, String keep) {
		for (Session session : sessions(userId)) {
			if (!session.id().equals(keep)) {
				revoke(session.id());
			}
		}
	}

	List<Session> sessions(String userId) {
		String families = "auth:user:" + userId + ":families";
		return this.redis.opsForSet().members(families).stream().sorted().flatMap((family) -> {
			Map<Object, Object> fields = this.redis.opsForHash().entries("auth:family:" + family);
			if (fields.isEmpty()) {
				this.redis.opsForSet().remove(families, family);
				return java.util.stream.Stream.empty();
			}
			return java.util.stream.Stream.of(new Session(family, epoch(fields.get("created")),
					epoch(fields.get("lastUsed")), (String) fields.get("userAgent"), (String) fields.get("address")));
		}).toList();
	}

	/**
	 * When the last access token of a family ended now has expired, as the resource
	 * servers see it: its lifetime plus the clock skew their decoders allow.
	 */
	private String refusedUntil() {
		return Long.toString(now() + this.properties.accessTokenTtl().plus(RevokedSessions.CLOCK_SKEW).toSeconds());
	}

	private long now() {
		return this.clock.instant().getEpochSecond();
	}

	private static Instant epoch(Object seconds) {
		return Instant.ofEpochSecond(Long.parseLong((String) seconds));
	}

	private static String clip(String value) {
		return (value == null) ? "" : value.substring(0, Math.min(value.length(), 200));
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A new session's first refresh token, and the session (family) id. */
	record Issued(String token, String familyId) {
	}

	/** A session as its owner sees it. */
	record Session(String id, Instant createdAt, Instant lastUsedAt, String userAgent, String address) {
	}

	/** The outcome of presenting a refresh token. */
	sealed interface Rotation {

		record Rotated(String token, String familyId, String userId) implements Rotation {
		}

		/** Unknown, expired, revoked or reused: the caller learns no more than that. */
		record Rejected() implements Rotation {
		}

	}

}
