package org.taskflow.auth.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.auth.AuthProperties;
import org.taskflow.auth.throttle.LoginThrottle;
import org.taskflow.auth.throttle.Source;
import org.taskflow.support.web.ApiException;

/**
 * First-party login for the web app, over HTTP ({@link Sessions} is the flow). The access
 * token goes in the body (the SPA keeps it in memory); the refresh token goes in an
 * httpOnly, Secure, SameSite=Strict cookie scoped to {@code /api/auth}, or in the body
 * for clients that ask for it ({@code "tokenDelivery": "body"}) and send it back in the
 * body. A refresh or logout by cookie must come from an allowed Origin.
 */
@Tag(name = "Sessions",
		description = "Log in, refresh the access token, log out here or everywhere, and see or end your sessions.")
@RestController
@RequestMapping("/api/auth")
class SessionController {

	static final String COOKIE = "taskflow_refresh";

	private final Sessions sessions;

	private final AuthProperties properties;

	private final LoginThrottle throttle;

	SessionController(Sessions sessions, AuthProperties properties, LoginThrottle throttle) {
		this.sessions = sessions;
		this.properties = properties;
		this.throttle = throttle;
	}

	/**
	 * Also sets the device cookie, by which this browser gets in while someone elsewhere
	 * guesses the account's password.
	 */
	@PostMapping("/login")
	@Operation(summary = "Log in with email and password")
	ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		Sessions.Started started = this.sessions.login(request.email(), request.password(), client(http),
				Source.of(http));
		return tokens(started, "body".equals(request.tokenDelivery()), this.throttle.deviceCookie(request.email()));
	}

	@PostMapping("/refresh")
	@Operation(summary = "Get a new access token for the refresh token, which is replaced")
	ResponseEntity<TokenResponse> refresh(@RequestBody(required = false) RefreshRequest body,
			@CookieValue(name = COOKIE, required = false) String cookie,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin, HttpServletRequest http) {
		Presented presented = presented(body, cookie, origin);
		return tokens(this.sessions.refresh(presented.token(), client(http)), presented.inBody());
	}

	@PostMapping("/logout")
	@Operation(summary = "Log out: end this session")
	ResponseEntity<Void> logout(@RequestBody(required = false) RefreshRequest body,
			@CookieValue(name = COOKIE, required = false) String cookie,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		this.sessions.logout(presented(body, cookie, origin).token());
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0).toString()).build();
	}

	@PostMapping("/logout-all")
	@Operation(summary = "Log out everywhere: end all your sessions")
	ResponseEntity<Void> logoutEverywhere(@AuthenticationPrincipal Jwt token) {
		this.sessions.logoutEverywhere(token.getSubject());
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0).toString()).build();
	}

	@GetMapping("/sessions")
	@Operation(summary = "List your sessions")
	List<SessionView> sessions(@AuthenticationPrincipal Jwt token) {
		String current = token.getClaimAsString("sid");
		return this.sessions.of(token.getSubject())
			.stream()
			.map((session) -> new SessionView(session.id(), session.createdAt(), session.lastUsedAt(),
					session.userAgent(), session.address(), session.id().equals(current)))
			.toList();
	}

	@DeleteMapping("/sessions/{id}")
	@Operation(summary = "End one of your sessions")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		this.sessions.end(token.getSubject(), id);
		return ResponseEntity.noContent().build();
	}

	private Presented presented(RefreshRequest body, String cookie, String origin) {
		if (body != null && body.refreshToken() != null && !body.refreshToken().isBlank()) {
			return new Presented(body.refreshToken(), true);
		}
		if (cookie == null || cookie.isBlank()) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "No refresh token was sent.");
		}
		// SameSite=Strict keeps the cookie off cross-site requests; the Origin check also
		// covers browsers that ignore SameSite and same-site attackers (a sibling
		// subdomain).
		if (origin == null || !this.properties.allowedOrigins().contains(origin)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "origin-not-allowed",
					"Requests that use the refresh cookie must come from the web app.");
		}
		return new Presented(cookie, false);
	}

	private ResponseEntity<TokenResponse> tokens(Sessions.Started started, boolean refreshInBody,
			ResponseCookie... cookies) {
		TokenResponse body = new TokenResponse(started.access().value(), "Bearer",
				started.access().expiresIn().toSeconds(), refreshInBody ? started.refreshToken() : null);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
		for (ResponseCookie cookie : cookies) {
			response.header(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		if (!refreshInBody) {
			response.header(HttpHeaders.SET_COOKIE,
					cookie(started.refreshToken(), this.properties.refreshTokenTtl().toSeconds()).toString());
		}
		return response.body(body);
	}

	private static ResponseCookie cookie(String value, long maxAgeSeconds) {
		return ResponseCookie.from(COOKIE, value)
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path("/api/auth")
			.maxAge(maxAgeSeconds)
			.build();
	}

	private static Sessions.Client client(HttpServletRequest http) {
		return new Sessions.Client(Optional.ofNullable(http.getHeader(HttpHeaders.USER_AGENT)).orElse(""),
				http.getRemoteAddr());
	}

	private record Presented(String token, boolean inBody) {
	}

	record LoginRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
			String tokenDelivery) {
	}

	record RefreshRequest(@Size(max = 100) String refreshToken) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
	}

	record SessionView(String id, Instant createdAt, Instant lastUsedAt, String userAgent, String address,
			boolean current) {
	}

}
