package org.taskflow.support.security;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.taskflow.support.web.ProblemWriter;
import org.taskflow.support.web.Problems;
import org.taskflow.support.web.WebSupportAutoConfiguration;

/**
 * Every service checks tokens itself. Runs before Boot's security auto-configuration, so
 * this check, not a generated user, guards the service.
 */
@AutoConfiguration(after = WebSupportAutoConfiguration.class,
		before = { ReactiveWebSecurityAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class,
				ReactiveManagementWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ResourceServerProperties.class)
public class SecuritySupportAutoConfiguration {

	@Bean
	ResourceServer resourceServer(ProblemWriter problems) {
		return new ResourceServer(problems);
	}

	/**
	 * A request the firewall refuses (a method such as TRACE, an encoded slash or percent
	 * in the path) gets a problem document like every other 400. Spring's default answers
	 * with an empty body at once, and on Reactor Netty 1.3.6 a response completed that
	 * early could leave the keep-alive connection unread: the client's next request on it
	 * never got an answer (reactor-netty #4188, #4361; seen as hung tests). The
	 * connection is closed after the answer too, so no client reuses it.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedRequestProblem(ProblemWriter problems) {
		return (exchange, ex) -> problems.write(exchange,
				Problems.of(HttpStatus.BAD_REQUEST, "rejected-request",
						"The request was rejected: its method or URL is not allowed here."),
				(headers) -> headers.setConnection("close"));
	}

	/**
	 * Signature via auth-service's JWKS (fetched on first use, so a service starts while
	 * auth-service is down; refetched for an unknown {@code kid}), then issuer, audience,
	 * expiry and not-before.
	 */
	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder jwtDecoder(ResourceServerProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
			.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(properties.audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer().toString()), audience));
		return decoder;
	}

	/** For a service without rules of its own: every API call needs a valid token. */
	@Bean
	@ConditionalOnMissingBean
	SecurityWebFilterChain resourceServerSecurity(ServerHttpSecurity http, ResourceServer resourceServer) {
		return resourceServer.configure(http)
			.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.build();
	}

}
