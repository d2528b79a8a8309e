package org.taskflow.support.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.taskflow.support.web.ProblemWriter;
import org.taskflow.support.web.Problems;
import org.taskflow.support.web.ProblemsAutoConfiguration;
import org.taskflow.support.web.ServletProblemWriter;

/**
 * Every service checks tokens itself, with Boot's JWT decoder
 * ({@code spring.security.oauth2.resourceserver.jwt.*}: JWKS, issuer, audiences), and
 * refuses the tokens of ended sessions where it has Redis
 * ({@link RevokedSessionsAutoConfiguration}). Runs before Boot's security
 * auto-configuration, so this check, not a generated user, guards a WebFlux service.
 */
@AutoConfiguration(after = ProblemsAutoConfiguration.class,
		before = { ReactiveWebSecurityAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class,
				ReactiveManagementWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class })
public class ResourceServerAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class Reactive {

		@Bean
		ResourceServer resourceServer(ProblemWriter problems, ObjectProvider<RevokedSessions> revoked) {
			return new ResourceServer(problems, revoked.getIfAvailable());
		}

		/**
		 * A request the firewall refuses (a method such as TRACE, an encoded slash or
		 * percent in the path) gets a problem document like every other 400. Spring's
		 * default answers with an empty body at once, and on Reactor Netty 1.3.6 a
		 * response completed that early could leave the keep-alive connection unread: the
		 * client's next request on it never got an answer (reactor-netty #4188, #4361;
		 * seen as hung tests). The connection is closed after the answer too, so no
		 * client reuses it.
		 */
		@Bean
		ServerExchangeRejectedHandler rejectedRequestProblem(ProblemWriter problems) {
			return (exchange, ex) -> problems.write(exchange,
					Problems.of(HttpStatus.BAD_REQUEST, "rejected-request",
							"The request was rejected: its method or URL is not allowed here."),
					(headers) -> headers.setConnection("close"));
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Servlet {

		@Bean
		ServletResourceServer servletResourceServer(ServletProblemWriter problems,
				ObjectProvider<RevokedSessions> revoked) {
			return new ServletResourceServer(problems, revoked.getIfAvailable());
		}

	}

}
