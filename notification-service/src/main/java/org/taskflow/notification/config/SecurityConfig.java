package org.taskflow.notification.config;

import java.security.Principal;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import org.taskflow.notification.live.StreamTickets;
import org.taskflow.notification.users.Recipient;
import org.taskflow.notification.users.Users;
import org.taskflow.support.security.ResourceServer;
import org.taskflow.support.web.ProblemWriter;
import org.taskflow.support.web.Problems;

/**
 * Every call needs a person's bearer token ({@code ROLE_USER}); the dead-letter replay
 * ({@code /actuator/deadletters}) needs {@code ROLE_ADMIN} (support-security). The live
 * stream also accepts a stream ticket instead, because a browser's EventSource cannot
 * send headers: {@code ?ticket=} on {@code GET /api/notifications/stream} is redeemed
 * (once) for the person it was issued to. A missing, unknown, expired or used ticket is a
 * 401 problem. A disabled person may not open a stream, though their token may still be
 * valid for minutes: 403 {@code account-disabled}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String STREAM = "/api/notifications/stream";

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ResourceServer resourceServer,
			StreamTickets tickets, Users users, ProblemWriter problems) {
		return resourceServer.configure(http)
			.addFilterAt(ticketAuthentication(tickets, problems), SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAfter(refuseDisabled(users, problems), SecurityWebFiltersOrder.AUTHORIZATION)
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasRole("USER"))
			.build();
	}

	/**
	 * A filter rather than a check in the controller: an error raised there is written in
	 * the stream's own content type, {@code text/event-stream}, while
	 * {@link ProblemWriter} writes {@code application/problem+json} whatever the request
	 * accepts.
	 */
	private static WebFilter refuseDisabled(Users users, ProblemWriter problems) {
		ServerWebExchangeMatcher stream = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, STREAM);
		return (exchange, chain) -> stream.matches(exchange)
			.filter(MatchResult::isMatch)
			.flatMap((match) -> exchange.<Principal>getPrincipal())
			.flatMap((principal) -> users.find(principal.getName()))
			.map(Recipient::disabled)
			.defaultIfEmpty(false)
			.flatMap((disabled) -> disabled ? problems.write(exchange,
					Problems.of(HttpStatus.FORBIDDEN, "account-disabled", "This account is disabled."), (headers) -> {
					}) : chain.filter(exchange));
	}

	private static AuthenticationWebFilter ticketAuthentication(StreamTickets tickets, ProblemWriter problems) {
		ReactiveAuthenticationManager redeem = (authentication) -> tickets
			.redeem(String.valueOf(authentication.getCredentials()))
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown, expired or used stream ticket")))
			.map((userId) -> UsernamePasswordAuthenticationToken.authenticated(userId, null,
					List.of(new SimpleGrantedAuthority("ROLE_USER"))));
		AuthenticationWebFilter filter = new AuthenticationWebFilter(redeem);
		filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, STREAM));
		filter.setServerAuthenticationConverter(
				(exchange) -> Mono.justOrEmpty(exchange.getRequest().getQueryParams().getFirst("ticket"))
					.map((ticket) -> UsernamePasswordAuthenticationToken.unauthenticated("stream-ticket", ticket)));
		filter.setAuthenticationFailureHandler(
				new ServerAuthenticationEntryPointFailureHandler((exchange, ex) -> problems.write(exchange,
						Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
								"The stream ticket is unknown, expired or already used."),
						(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))));
		return filter;
	}

}
