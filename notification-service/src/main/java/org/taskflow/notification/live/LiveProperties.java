package org.taskflow.notification.live;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live stream settings.
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * and dead clients are noticed
 * @param ticketTtl how long a stream ticket may wait before it is used
 */
@ConfigurationProperties("taskflow.notifications.live")
@Validated
public record LiveProperties(@DefaultValue("15s") @NotNull Duration heartbeat,
		@DefaultValue("60s") @NotNull Duration ticketTtl) {

}
