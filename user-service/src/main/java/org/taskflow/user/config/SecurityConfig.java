package org.taskflow.user.config;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.taskflow.support.security.ResourceServer;

/**
 * Who may call what: people (role USER or ADMIN) use {@code /api/users}, only
 * administrators list everyone, and only other services (a client-credentials token with
 * scope {@code users.read} and no roles) use {@code /internal}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String USERS_READ = "SCOPE_users.read";

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http, ResourceServer resourceServer) {
		return resourceServer.configure(http)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/internal/**")
				.access(SecurityConfig::serviceWithUsersRead)
				.pathMatchers(HttpMethod.GET, "/api/users")
				.hasRole("ADMIN")
				.pathMatchers("/api/users/**")
				.hasAnyRole("USER", "ADMIN")
				.anyExchange()
				.authenticated())
			.build();
	}

	/**
	 * A person's token is refused even if it somehow carried the scope: only a service's
	 * token has no roles.
	 */
	static Mono<AuthorizationResult> serviceWithUsersRead(Mono<Authentication> authentication,
			AuthorizationContext context) {
		return authentication.filter(Authentication::isAuthenticated).map((caller) -> {
			Set<String> authorities = AuthorityUtils.authorityListToSet(caller.getAuthorities());
			boolean person = authorities.stream().anyMatch((authority) -> authority.startsWith("ROLE_"));
			return (AuthorizationResult) new AuthorizationDecision(!person && authorities.contains(USERS_READ));
		}).defaultIfEmpty(new AuthorizationDecision(false));
	}

}
