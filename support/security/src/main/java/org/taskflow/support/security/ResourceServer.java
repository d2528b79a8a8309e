package org.taskflow.support.security;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.taskflow.support.web.ProblemWriter;

/**
 * The common part of the security of every WebFlux service and the gateway: a stateless
 * bearer-token resource server whose failures are problem documents, with probes, metrics
 * and API docs open, and actuator's operator tools ({@code /actuator/deadletters}) for
 * administrators only. A service adds its own authorisation rules:
 *
 * <pre>{@code
 * return resourceServer.configure(http)
 * 	.authorizeExchange((exchanges) -> exchanges.pathMatchers("/internal/**").hasAuthority("SCOPE_users.read")
 * 		.anyExchange().authenticated())
 * 	.build();
 * }</pre>
 *
 * Authorities: see {@link JwtAuthorities}. Tokens are checked by Boot's JWT decoder
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), then, where the application has
 * Redis, against the {@link RevokedSessions ended sessions}.
 */
public final class ResourceServer {

	/** Actuator endpoints that change things: support-events' dead-letter replay. */
	public static final String ADMIN_ENDPOINTS = "/actuator/deadletters/**";

	private final ServerAuthenticationEntryPoint unauthorized;

	private final ServerAccessDeniedHandler forbidden;

	private final @Nullable RevokedSessions revoked;

	ResourceServer(ProblemWriter problems, @Nullable RevokedSessions revoked) {
		this.revoked = revoked;
		this.unauthorized = (exchange, ex) -> problems.write(exchange, ResourceServerProblems.unauthenticated(),
				(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
		this.forbidden = (exchange, ex) -> problems.write(exchange, ResourceServerProblems.forbidden(), (headers) -> {
		});
	}

	public ServerHttpSecurity configure(ServerHttpSecurity http) {
		return http
			.authorizeExchange(
					(exchanges) -> exchanges
						.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
								"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**")
						.permitAll()
						.pathMatchers(ADMIN_ENDPOINTS)
						.hasRole("ADMIN"))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter((token) -> authentication(token, this.revoked)))
				.authenticationEntryPoint(this.unauthorized)
				.accessDeniedHandler(this.forbidden))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(this.unauthorized)
				.accessDeniedHandler(this.forbidden))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
	}

	/**
	 * After the decoder (and the gateway's cache of decoded tokens), so an ended session
	 * is refused on every request; an error, not an exception, is what the reactive chain
	 * turns into the 401.
	 */
	static Mono<AbstractAuthenticationToken> authentication(Jwt jwt, @Nullable RevokedSessions revoked) {
		if (revoked != null && revoked.refuses(jwt)) {
			return Mono.error(RevokedSessions.ended());
		}
		return Mono.just(JwtAuthorities.authentication(jwt));
	}

}
