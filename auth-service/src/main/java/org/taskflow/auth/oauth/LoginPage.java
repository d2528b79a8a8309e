package org.taskflow.auth.oauth;

import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;
import org.taskflow.auth.AuthProperties;

/**
 * The sign-in form of the authorization-code flow, at {@value #PATH}: under
 * {@code /oauth2}, which the gateway routes here, because {@code /login} at the public
 * URL is the web app's own page. Spring Security's generated form only serves
 * {@code /login}, so this is the same form at our path, with no script and no inline
 * style. It sends its own Content-Security-Policy, which the gateway keeps: the edge's
 * {@code form-action 'self'} would stop the browser at the last redirect of the sign-in,
 * the one to the client's redirect URI, so this policy also allows the origins of the
 * registered redirect URIs.
 */
@Controller
public final class LoginPage {

	/** Where the form is, and where it posts to. */
	public static final String PATH = "/oauth2/login";

	private final String contentSecurityPolicy;

	LoginPage(AuthProperties properties) {
		String redirectOrigins = properties.clients()
			.values()
			.stream()
			.map(AuthProperties.Client::redirectUris)
			.filter(Objects::nonNull)
			.flatMap(Collection::stream)
			.map(URI::create)
			.map((uri) -> uri.getScheme() + "://" + uri.getRawAuthority())
			.distinct()
			.sorted()
			.collect(Collectors.joining(" "));
		this.contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' "
				+ redirectOrigins + "; frame-ancestors 'none'; base-uri 'none'";
	}

	@GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String form(CsrfToken csrf, @RequestParam(required = false) String error,
			@RequestParam(required = false) String logout, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
		String message = (error != null) ? "<p role=\"alert\">Wrong email or password, or the account is disabled.</p>"
				: (logout != null) ? "<p role=\"status\">You have signed out.</p>" : "";
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Sign in to TaskFlow</title></head>
				<body>
				<main>
				<h1>Sign in to TaskFlow</h1>
				%s
				<form method="post" action="%s">
				<p><label for="username">Email</label><br>
				<input type="email" id="username" name="username" autocomplete="username" required autofocus></p>
				<p><label for="password">Password</label><br>
				<input type="password" id="password" name="password" autocomplete="current-password" required></p>
				<input type="hidden" name="%s" value="%s">
				<p><button type="submit">Sign in</button></p>
				</form>
				</main>
				</body>
				</html>
				""".formatted(message, PATH, HtmlUtils.htmlEscape(csrf.getParameterName()),
				HtmlUtils.htmlEscape(csrf.getToken()));
	}

}
