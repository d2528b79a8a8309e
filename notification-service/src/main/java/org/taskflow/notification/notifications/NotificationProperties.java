package org.taskflow.notification.notifications;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param webAppUrl where emails link to (the gateway serving the web app)
 */
@ConfigurationProperties("taskflow.notifications")
record NotificationProperties(@DefaultValue("http://localhost:8080") URI webAppUrl) {

}
