package org.taskflow.notification.notifications;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param webAppUrl where emails link to (the gateway serving the web app)
 */
@ConfigurationProperties("taskflow.notifications")
@Validated
record NotificationProperties(@DefaultValue("http://localhost:8080") @NotNull URI webAppUrl) {

}
