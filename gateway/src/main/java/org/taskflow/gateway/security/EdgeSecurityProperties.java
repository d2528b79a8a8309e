package org.taskflow.gateway.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Browser-facing protections at the edge.
 *
 * @param cors which origins may call the API from a browser
 * @param contentSecurityPolicy the CSP sent with every response (it matters for the SPA)
 * @param swaggerUiContentSecurityPolicy the CSP of the Swagger UI's pages instead, which
 * set style attributes and add one style element
 * @param hstsMaxAge how long browsers must insist on HTTPS
 */
@ConfigurationProperties("taskflow.gateway.edge")
@Validated
record EdgeSecurityProperties(@Valid @NotNull Cors cors, @NotBlank String contentSecurityPolicy,
		@NotBlank String swaggerUiContentSecurityPolicy, @NotNull Duration hstsMaxAge) {

	/**
	 * @param allowedOrigins exact origins, e.g. {@code https://app.example.com}; empty
	 * means no cross-origin browser access
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	record Cors(@NotNull List<String> allowedOrigins, @NotNull Duration maxAge) {
	}

}
