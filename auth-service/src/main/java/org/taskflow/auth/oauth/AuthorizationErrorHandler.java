package org.taskflow.auth.oauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Errors of the authorization endpoint (RFC 6749 §4.1.2.1). Once the client and its
 * redirect URI are known to be valid, the error goes back to the client there, with the
 * request's {@code state}. Before that (unknown client, a redirect URI it did not
 * register) the person must not be redirected anywhere: they get a plain {@code 400} page
 * naming the OAuth2 error, instead of the generic error page Spring Authorization Server
 * would fall back to.
 */
public final class AuthorizationErrorHandler implements AuthenticationFailureHandler {

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
		OAuth2AuthorizationCodeRequestAuthenticationToken authorization = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequest)
				? codeRequest.getAuthorizationCodeRequestAuthentication() : null;
		if (authorization != null && StringUtils.hasText(authorization.getRedirectUri())) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(authorization.getRedirectUri())
				.queryParam("error", error.getErrorCode());
			addEncoded(uri, "error_description", error.getDescription());
			addEncoded(uri, "error_uri", error.getUri());
			addEncoded(uri, "state", authorization.getState());
			this.redirects.sendRedirect(request, response, uri.build(true).toUriString());
			return;
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		String description = StringUtils.hasText(error.getDescription())
				? "<p>" + HtmlUtils.htmlEscape(error.getDescription()) + "</p>" : "";
		response.getWriter()
			.write("""
					<!DOCTYPE html>
					<html lang="en">
					<head><meta charset="utf-8"><title>Authorization request refused</title></head>
					<body>
					<main>
					<h1>Authorization request refused</h1>
					<p>The application that sent you here made a request TaskFlow cannot accept, so you were not sent back to it.</p>
					<p>OAuth2 error: <code id="error">%s</code></p>
					%s
					</main>
					</body>
					</html>
					"""
				.formatted(HtmlUtils.htmlEscape(error.getErrorCode()), description));
	}

	private static void addEncoded(UriComponentsBuilder uri, String name, String value) {
		if (StringUtils.hasText(value)) {
			uri.queryParam(name, UriUtils.encode(value, StandardCharsets.UTF_8));
		}
	}

}
