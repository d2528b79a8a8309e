package org.taskflow.support.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service checks in every access token (see docs/contracts.md).
 *
 * @param issuer the {@code iss} auth-service signs with
 * @param audience the {@code aud} value every TaskFlow token carries
 * @param jwkSetUri where the signing keys are published
 */
@ConfigurationProperties("taskflow.security")
public record ResourceServerProperties(@DefaultValue("http://localhost:9000") URI issuer,
		@DefaultValue("taskflow-api") String audience,
		@DefaultValue("http://localhost:9000/oauth2/jwks") URI jwkSetUri) {

}
