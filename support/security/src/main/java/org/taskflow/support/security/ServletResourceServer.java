package org.taskflow.support.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.taskflow.support.web.ServletProblemWriter;

/**
 * {@link ResourceServer} for a Servlet application: a stateless bearer-token resource
 * server whose failures are problem documents, with the same authorities and the same
 * refusal of {@link RevokedSessions ended sessions}. The application adds its own matcher
 * and rules:
 *
 * <pre>{@code
 * return resourceServer.configure(http.securityMatcher("/api/**"))
 * 	.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
 * 	.build();
 * }</pre>
 */
public final class ServletResourceServer {

	private final AuthenticationEntryPoint unauthenticated;

	private final AccessDeniedHandler forbidden;

	private final @Nullable RevokedSessions revoked;

	ServletResourceServer(ServletProblemWriter problems, @Nullable RevokedSessions revoked) {
		this.revoked = revoked;
		// the challenge says why a token was refused (RFC 6750); the body says it as a
		// problem
		BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
		this.unauthenticated = (request, response, ex) -> {
			challenge.commence(request, response, ex);
			problems.write(request, response, ResourceServerProblems.unauthenticated());
		};
		this.forbidden = (request, response, ex) -> problems.write(request, response,
				ResourceServerProblems.forbidden());
	}

	public HttpSecurity configure(HttpSecurity http) {
		return http
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(this::authentication))
				.authenticationEntryPoint(this.unauthenticated)
				.accessDeniedHandler(this.forbidden))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(this.unauthenticated)
				.accessDeniedHandler(this.forbidden))
			// bearer tokens are not sent by browsers on their own
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
	}

	private AbstractAuthenticationToken authentication(Jwt jwt) {
		if (this.revoked != null && this.revoked.refuses(jwt)) {
			throw RevokedSessions.ended();
		}
		return JwtAuthorities.authentication(jwt);
	}

}
