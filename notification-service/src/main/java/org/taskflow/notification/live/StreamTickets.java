package org.taskflow.notification.live;

import java.security.SecureRandom;
import java.util.Base64;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Short-lived, single-use tickets for opening a stream. A bearer-authenticated call gets
 * one; {@code GET /api/notifications/stream?ticket=...} redeems it. The ticket is random
 * and opaque (not a token), lives in Redis for {@link LiveProperties#ticketTtl()} and is
 * consumed atomically ({@code GETDEL}), so a URL that leaks into a log or the browser
 * history is worthless by the time anyone reads it.
 */
@Component
public class StreamTickets {

	private static final String KEY = "taskflow:notifications:stream-ticket:";

	private final SecureRandom random = new SecureRandom();

	private final ReactiveStringRedisTemplate redis;

	private final LiveProperties properties;

	StreamTickets(ReactiveStringRedisTemplate redis, LiveProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	public Mono<Ticket> issue(String userId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.redis.opsForValue()
			.set(KEY + ticket, userId, this.properties.ticketTtl())
			.thenReturn(new Ticket(ticket, this.properties.ticketTtl().toSeconds()));
	}

	/** The user the ticket was issued to, once; empty if unknown, expired or used. */
	public Mono<String> redeem(String ticket) {
		if (ticket.isEmpty() || ticket.length() > 100) {
			return Mono.empty();
		}
		return this.redis.opsForValue().getAndDelete(KEY + ticket);
	}

	/** A ticket as the client receives it. */
	public record Ticket(String ticket, long expiresInSeconds) {

	}

}
