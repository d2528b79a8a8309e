package org.taskflow.auth.oauth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * What a client that did not authenticate gets from the token, introspection and
 * revocation endpoints: RFC 6749 §5.2's {@code 401 invalid_client} as JSON, with the
 * {@code WWW-Authenticate} challenge for HTTP Basic, never the login page (a client is
 * not a person). Wrong credentials already get the same from Spring Authorization Server;
 * this covers requests that carry none.
 */
public final class ClientAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		ServletServerHttpResponse http = new ServletServerHttpResponse(response);
		http.setStatusCode(HttpStatus.UNAUTHORIZED);
		http.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"taskflow\"");
		this.errors.write(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
				"The client must authenticate (client_secret_basic, client_secret_post, or PKCE for public clients).",
				"https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"), null, http);
	}

}
