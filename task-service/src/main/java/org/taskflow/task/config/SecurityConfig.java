package org.taskflow.task.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.taskflow.support.security.ResourceServer;

/**
 * The API is for people: a token with the USER or ADMIN role. A service's
 * client_credentials token (no roles) is refused; which tasks a person reaches is decided
 * per task (see the tasks package).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ResourceServer resourceServer) {
		return resourceServer.configure(http)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/**")
				.hasAnyRole("USER", "ADMIN")
				.anyExchange()
				.authenticated())
			.build();
	}

}
