package org.taskflow.gateway.security;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The access-token contract of docs/contracts.md as the gateway checks it.
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience a value {@code aud} must contain
 */
@ConfigurationProperties("taskflow.security")
@Validated
record TokenProperties(@NotNull URI issuer, @DefaultValue("taskflow-api") @NotBlank String audience) {

}
