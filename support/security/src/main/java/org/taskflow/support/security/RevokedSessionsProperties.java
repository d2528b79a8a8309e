package org.taskflow.support.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link RevokedSessionsFeed} follows the sessions auth-service ends.
 *
 * @param reloadInterval how often the whole set is read from Redis besides the messages:
 * the longest a missed message (a broken subscription, a restart) goes unnoticed
 */
@ConfigurationProperties("taskflow.security.revoked-sessions")
public record RevokedSessionsProperties(@DefaultValue("5s") Duration reloadInterval) {

}
