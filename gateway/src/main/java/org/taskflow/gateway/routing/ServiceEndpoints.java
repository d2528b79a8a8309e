package org.taskflow.gateway.routing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Base URLs of the services behind the gateway (docs/contracts.md). The routes in
 * {@code application.yaml} use them; binding them here makes a missing or malformed one
 * fail at startup instead of at the first request.
 *
 * @param auth auth-service's base URL
 * @param user user-service's base URL
 * @param task task-service's base URL
 * @param notification notification-service's base URL
 */
@ConfigurationProperties("taskflow.services")
@Validated
public record ServiceEndpoints(@NotNull URI auth, @NotNull URI user, @NotNull URI task, @NotNull URI notification) {

}
