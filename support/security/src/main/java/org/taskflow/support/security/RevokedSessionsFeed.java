package org.taskflow.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Keeps {@link RevokedSessions} in step with Redis: each session auth-service ends
 * arrives at once on the channel, and the whole set is read at start and every
 * {@code reload-interval}, which covers a message missed while the subscription was
 * broken or before this instance started. All Redis work happens on this feed's own
 * threads, never on a request's.
 * <p>
 * When Redis is unreachable the sessions already known stay refused until their tokens
 * expire, and sessions ended meanwhile are refused once Redis answers again (within a
 * reload interval). Requests are never refused or slowed for it: the staleness is bounded
 * by the access-token lifetime, and a warning says that the list is stale.
 */
final class RevokedSessionsFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RevokedSessionsFeed.class);

	private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

	private final RevokedSessions sessions;

	private final StringRedisTemplate redis;

	private final RedisMessageListenerContainer subscription;

	private final Duration reloadInterval;

	private final Clock clock;

	private @Nullable ScheduledExecutorService reloads;

	private long lastLoaded;

	private long lastWarned;

	RevokedSessionsFeed(RevokedSessions sessions, RedisConnectionFactory connections, Duration reloadInterval,
			Clock clock) {
		this.sessions = sessions;
		this.redis = new StringRedisTemplate(connections);
		this.reloadInterval = reloadInterval;
		this.clock = clock;
		this.lastLoaded = clock.millis();
		this.subscription = new RedisMessageListenerContainer();
		this.subscription.setConnectionFactory(connections);
		this.subscription.setRecoveryInterval(reloadInterval.toMillis());
		this.subscription.addMessageListener((message, pattern) -> received(message),
				new ChannelTopic(RevokedSessions.KEY));
		this.subscription.afterPropertiesSet();
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "revoked-sessions");
			thread.setDaemon(true);
			return thread;
		});
		// subscribing waits for Redis: off the starting thread, so the application starts
		// without it
		executor.execute(this.subscription::start);
		executor.scheduleWithFixedDelay(this::reload, 0, this.reloadInterval.toMillis(), TimeUnit.MILLISECONDS);
		this.reloads = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.reloads;
		if (executor != null) {
			executor.shutdownNow();
			this.reloads = null;
		}
		this.subscription.stop();
	}

	@Override
	public boolean isRunning() {
		return this.reloads != null;
	}

	void reload() {
		long now = this.clock.millis();
		try {
			Set<TypedTuple<String>> live = this.redis.opsForZSet()
				.rangeByScoreWithScores(RevokedSessions.KEY, now / 1000d, Double.POSITIVE_INFINITY);
			if (live != null) {
				for (TypedTuple<String> session : live) {
					if (session.getValue() != null && session.getScore() != null) {
						this.sessions.refuse(session.getValue(), session.getScore().longValue());
					}
				}
			}
			if (this.lastWarned > this.lastLoaded) {
				logger.info("Revoked sessions are read from Redis again");
			}
			this.lastLoaded = now;
		}
		catch (RuntimeException ex) {
			if (now - this.lastWarned >= WARNING_INTERVAL.toMillis()) {
				this.lastWarned = now;
				logger.warn(
						"Cannot read revoked sessions from Redis (last read {} s ago): sessions ended since then "
								+ "are accepted until Redis answers or their tokens expire: {}",
						(now - this.lastLoaded) / 1000, ex.toString());
			}
		}
		finally {
			this.sessions.forgetExpired();
		}
	}

	private void received(Message message) {
		String body = new String(message.getBody(), StandardCharsets.UTF_8);
		int space = body.lastIndexOf(' ');
		try {
			this.sessions.refuse(body.substring(0, space), Long.parseLong(body.substring(space + 1)));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignored a malformed revoked-session message: {}", body);
		}
	}

}
