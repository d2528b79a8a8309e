package org.taskflow.gateway.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a client may send through the gateway.
 *
 * @param maxBodySize the largest request body accepted; larger ones get {@code 413}
 */
@ConfigurationProperties("taskflow.gateway.requests")
@Validated
record RequestLimits(@NotNull DataSize maxBodySize) {

}
