package org.taskflow.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.taskflow.support.web.ProblemWriter;
import org.taskflow.support.web.Problems;

/**
 * The common part of every service's security: a stateless bearer-token resource server
 * whose failures are problem documents, with probes, metrics and API docs open. A service
 * adds its own authorisation rules:
 *
 * <pre>{@code
 * return resourceServer.configure(http)
 * 	.authorizeExchange((exchanges) -> exchanges.pathMatchers("/internal/**").hasAuthority("SCOPE_users.read")
 * 		.anyExchange().authenticated())
 * 	.build();
 * }</pre>
 *
 * Authorities: {@code ROLE_USER}/{@code ROLE_ADMIN} from the {@code roles} claim of user
 * tokens, {@code SCOPE_x} from {@code scope}.
 */
public final class ResourceServer {

	private final ServerAuthenticationEntryPoint unauthorized;

	private final ServerAccessDeniedHandler forbidden;

	ResourceServer(ProblemWriter problems) {
		this.unauthorized = (exchange, ex) -> problems.write(exchange,
				Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required."),
				(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
		this.forbidden = (exchange, ex) -> problems.write(exchange,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "This token may not do that."), (headers) -> {
				});
	}

	public ServerHttpSecurity configure(ServerHttpSecurity http) {
		return http
			.authorizeExchange(
					(exchanges) -> exchanges
						.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
								"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**")
						.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(ResourceServer::authentication))
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

	static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
		Collection<GrantedAuthority> authorities = new ArrayList<>();
		List<String> roles = jwt.getClaimAsStringList("roles");
		if (roles != null) {
			roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		}
		// a space-separated string in first-party tokens, a JSON array in the
		// authorization
		// server's
		Object scope = jwt.getClaim("scope");
		Collection<?> scopes = (scope instanceof Collection<?> list) ? list
				: (scope instanceof String text && !text.isBlank()) ? List.of(text.trim().split("\\s+")) : List.of();
		scopes.forEach((each) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + each)));
		return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
	}

}
