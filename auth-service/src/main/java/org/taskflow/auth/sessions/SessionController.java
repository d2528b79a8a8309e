package org.taskflow.auth.accounts;

import java.util.List;
import java.util.Optional;

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
import org.taskflow.auth.tokens.AccessTokens;
import org.taskflow.auth.tokens.LoginThrottle;
import org.taskflow.auth.tokens.RefreshTokens;
import org.taskflow.support.web.ApiException;

/**
 * First-party login for the web app. The access token goes in the body (the SPA keeps it
 * in memory); the refresh token goes in an httpOnly, Secure, SameSite=Strict cookie
 * scoped to {@code /api/auth}, or in the body for clients that ask for it
 * ({@code "tokenDelivery": "body"}) and send it back in the body. A refresh or logout by
 * cookie must come from an allowed Origin.
 */
@RestController
@RequestMapping("/api/auth")
class SessionController {

	static final String COOKIE = "taskflow_refresh";

	private final AccountService accounts;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final LoginThrottle throttle;

	private final AuthProperties properties;

	SessionController(AccountService accounts, RefreshTokens refreshTokens, AccessTokens accessTokens,
			LoginThrottle throttle, AuthProperties properties) {
		this.accounts = accounts;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.throttle = throttle;
		this.properties = properties;
	}

	@PostMapping("/login")
	ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		String address = http.getRemoteAddr();
		this.throttle.check(request.email(), address);
		Account account;
		try {
			account = this.accounts.authenticate(request.email(), request.password());
		}
		catch (ApiException ex) {
			this.throttle.failed(request.email(), address);
			throw ex;
		}
		this.throttle.succeeded(request.email());
		RefreshTokens.Issued issued = this.refreshTokens.startFamily(account.id(), userAgent(http), address);
		return tokens(account, issued.token(), issued.familyId(), "body".equals(request.tokenDelivery()));
	}

	@PostMapping("/refresh")
	ResponseEntity<TokenResponse> refresh(@RequestBody(required = false) RefreshRequest body,
			@CookieValue(name = COOKIE, required = false) String cookie,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin, HttpServletRequest http) {
		Presented presented = presented(body, cookie, origin);
		RefreshTokens.Rotation rotation = this.refreshTokens.rotate(presented.token(), userAgent(http),
				http.getRemoteAddr());
		if (!(rotation instanceof RefreshTokens.Rotation.Rotated rotated)) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
					"The refresh token is not valid. Log in again.");
		}
		Account account;
		try {
			account = this.accounts.active(rotated.userId());
		}
		catch (ApiException ex) {
			this.refreshTokens.revoke(rotated.familyId());
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
					"The refresh token is not valid. Log in again.");
		}
		return tokens(account, rotated.token(), rotated.familyId(), presented.inBody());
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(@RequestBody(required = false) RefreshRequest body,
			@CookieValue(name = COOKIE, required = false) String cookie,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		Presented presented = presented(body, cookie, origin);
		this.refreshTokens.familyOf(presented.token()).ifPresent(this.refreshTokens::revoke);
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0).toString()).build();
	}

	@PostMapping("/logout-all")
	ResponseEntity<Void> logoutEverywhere(@AuthenticationPrincipal Jwt token) {
		this.refreshTokens.revokeAll(token.getSubject(), null);
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0).toString()).build();
	}

	@GetMapping("/sessions")
	List<SessionView> sessions(@AuthenticationPrincipal Jwt token) {
		String current = token.getClaimAsString("sid");
		return this.refreshTokens.sessions(token.getSubject())
			.stream()
			.map((session) -> new SessionView(session.id(), session.createdAt(), session.lastUsedAt(),
					session.userAgent(), session.address(), session.id().equals(current)))
			.toList();
	}

	@DeleteMapping("/sessions/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
		if (!this.refreshTokens.revoke(token.getSubject(), id)) {
			throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "No such session.");
		}
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
		// covers
		// browsers that ignore SameSite and same-site attackers (a sibling subdomain).
		if (origin == null || !this.properties.allowedOrigins().contains(origin)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "origin-not-allowed",
					"Requests that use the refresh cookie must come from the web app.");
		}
		return new Presented(cookie, false);
	}

	private ResponseEntity<TokenResponse> tokens(Account account, String refreshToken, String session,
			boolean refreshInBody) {
		AccessTokens.AccessToken access = this.accessTokens.issue(account.id(),
				account.roles().stream().map(Enum::name).toList(), session);
		TokenResponse body = new TokenResponse(access.value(), "Bearer", access.expiresIn().toSeconds(),
				refreshInBody ? refreshToken : null);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
		if (!refreshInBody) {
			response.header(HttpHeaders.SET_COOKIE,
					cookie(refreshToken, this.properties.refreshTokenTtl().toSeconds()).toString());
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

	private static String userAgent(HttpServletRequest http) {
		return Optional.ofNullable(http.getHeader(HttpHeaders.USER_AGENT)).orElse("");
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

	record SessionView(String id, java.time.Instant createdAt, java.time.Instant lastUsedAt, String userAgent,
			String address, boolean current) {
	}

}
