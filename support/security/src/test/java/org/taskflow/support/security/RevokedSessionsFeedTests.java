package org.taskflow.support.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis unreachable (a port nothing listens on) the feed learns nothing new, and
 * what it knew stays: ended sessions stay refused until their tokens expire.
 */
class RevokedSessionsFeedTests {

	@Test
	void keepsRefusingTheSessionsItKnowsWhileRedisIsUnreachable() throws IOException {
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", deadPort()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		connections.afterPropertiesSet();
		connections.start();
		try {
			RevokedSessions sessions = new RevokedSessions(Clock.systemUTC());
			sessions.refuse("ended", Instant.now().plusSeconds(900).getEpochSecond());
			RevokedSessionsFeed feed = new RevokedSessionsFeed(sessions, connections, Duration.ofSeconds(1),
					Clock.systemUTC());

			long start = System.nanoTime();
			feed.reload();

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			assertThat(sessions.refuses(token("ended"))).isTrue();
			assertThat(sessions.refuses(token("live"))).isFalse();
		}
		finally {
			connections.destroy();
		}
	}

	private static int deadPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Jwt token(String session) {
		return Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1").claim("sid", session).build();
	}

}
