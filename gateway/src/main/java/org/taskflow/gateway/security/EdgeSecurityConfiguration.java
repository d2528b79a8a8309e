package org.taskflow.gateway.security;

import java.time.Clock;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.taskflow.support.security.ResourceServer;

/**
 * The edge check: bearer tokens on {@code /api/**} are validated here (signature via
 * auth-service's JWKS, fetched on first use so the gateway starts while auth-service is
 * down; issuer; audience; expiry: Boot's decoder, configured in application.yaml) and
 * relayed unchanged, because every service checks them again. Auth endpoints, discovery,
 * probes, the SPA and the API docs are public, and so is the live stream when opened with
 * a ticket (see {@link #isStreamWithTicket}). Stateless: no session, no CSRF token (no
 * cookie authenticates anything here).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

	// a decoded token weighs a few KB: tens of MB at most
	private static final int ACCEPTED_TOKENS_CACHED = 10_000;

	private static final String STREAM_PATH = "/api/notifications/stream";

	/**
	 * TaskFlow's resource server (problem documents for 401 and 403, probes open), with
	 * the edge's own rules, CORS and headers.
	 */
	@Bean
	SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ResourceServer resourceServer,
			EdgeSecurityProperties properties) {
		return resourceServer.configure(http)
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/auth/**", "/oauth2/**", "/.well-known/**")
				.permitAll()
				.pathMatchers("/actuator/**")
				.denyAll()
				.pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
				.permitAll()
				.matchers(EdgeSecurityConfiguration::isStreamWithTicket)
				.permitAll()
				.pathMatchers("/api/**")
				.authenticated()
				.anyExchange()
				.permitAll())
			.cors(Customizer.withDefaults())
			.headers((headers) -> headers
				// written by strictTransportSecurity() below: Spring Security only sends
				// it on requests it sees as HTTPS, and TLS ends at our ingress
				.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
				.contentSecurityPolicy((csp) -> csp.policyDirectives(properties.contentSecurityPolicy()))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frames) -> frames.mode(Mode.DENY)))
			.build();
	}

	/**
	 * The live stream opened with a one-use ticket: a browser's {@code EventSource}
	 * cannot send a bearer header, so the ticket in the query stands in for it, and
	 * notification-service redeems it (an unknown, spent or expired ticket is its 401).
	 * Only this path and only with a ticket; everything else under {@code /api} still
	 * needs a bearer token here.
	 */
	static Mono<ServerWebExchangeMatcher.MatchResult> isStreamWithTicket(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		boolean stream = HttpMethod.GET.equals(request.getMethod())
				&& STREAM_PATH.equals(request.getPath().pathWithinApplication().value())
				&& StringUtils.hasText(request.getQueryParams().getFirst("ticket"));
		return stream ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
	}

	/**
	 * Swagger UI renders with style attributes and one style element of its own, which
	 * {@code style-src 'self'} blocks (the page came out unstyled), so its pages get
	 * their own policy, which allows those and nothing more. Spring Security's header
	 * writer leaves a policy that is already set alone.
	 */
	@Bean
	WebFilter swaggerUiContentSecurityPolicy(EdgeSecurityProperties properties) {
		return (exchange, chain) -> {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			if (path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/")) {
				exchange.getResponse()
					.getHeaders()
					.set("Content-Security-Policy", properties.swaggerUiContentSecurityPolicy());
			}
			return chain.filter(exchange);
		};
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 5)
	WebFilter strictTransportSecurity(EdgeSecurityProperties properties) {
		String value = "max-age=" + properties.hstsMaxAge().toSeconds() + "; includeSubDomains";
		return (exchange, chain) -> {
			exchange.getResponse().getHeaders().set("Strict-Transport-Security", value);
			return chain.filter(exchange);
		};
	}

	/**
	 * Boot's decoder ({@code spring.security.oauth2.resourceserver.jwt.*}) fetches the
	 * JWKS lazily and refetches on an unknown kid; tokens that pass are remembered until
	 * they expire ({@link CachingJwtDecoder}).
	 */
	@Bean
	static BeanPostProcessor cachingJwtDecoder() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingJwtDecoder))
						? new CachingJwtDecoder(decoder, ACCEPTED_TOKENS_CACHED, Clock.systemUTC()) : bean;
			}

		};
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(EdgeSecurityProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "API-Version",
				"X-Request-Id", "Last-Event-ID"));
		cors.setExposedHeaders(List.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
				HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
		// the refresh-token cookie rides on credentialed requests to /api/auth
		cors.setAllowCredentials(true);
		cors.setMaxAge(properties.cors().maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
