package org.taskflow.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything auth-service is configured with ({@code taskflow.auth.*}); defaults live in
 * application.yaml.
 *
 * @param issuer the {@code iss} of every token, also the discovery issuer
 * @param audience the audience every access token is issued for and every service checks
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl idle lifetime of a refresh token; each rotation starts it again
 * @param sessionMaxLifetime absolute lifetime of a refresh-token family
 * @param allowedOrigins browser origins allowed to use the refresh cookie
 * @param keys where the signing keys are
 * @param lockout login throttling
 * @param clients OAuth2 clients, by client id
 * @param adminEmails accounts signing up with these addresses are administrators
 */
@Validated
@ConfigurationProperties("taskflow.auth")
public record AuthProperties(@NotBlank String issuer, @NotBlank String audience, @NotNull Duration accessTokenTtl,
		@NotNull Duration refreshTokenTtl, @NotNull Duration sessionMaxLifetime, @NotEmpty List<String> allowedOrigins,
		@Valid @NotNull Keys keys, @Valid @NotNull Lockout lockout, @Valid Map<String, Client> clients,
		Set<String> adminEmails) {

	public AuthProperties {
		clients = (clients != null) ? clients : Map.of();
		adminEmails = (adminEmails != null) ? adminEmails : Set.of();
	}

	/**
	 * @param directory a directory of {@code <kid>.pem} PKCS#8 RSA private keys; all are
	 * published
	 * @param active the kid that signs; may be omitted when the directory holds one key
	 * @param generateIfMissing create one key when the directory is empty (local runs
	 * only: replicas would each create their own)
	 */
	public record Keys(@NotNull Path directory, String active, boolean generateIfMissing) {
	}

	/**
	 * Throttling of password guesses ({@code LoginThrottle}).
	 *
	 * @param freeAttempts failures of one account from one source (an address, or a
	 * device with the account's device cookie) before that source backs off
	 * @param baseDelay the first delay; it doubles with every further failure
	 * @param maxDelay the longest delay, so nobody can be locked out for good
	 * @param window how long failures are remembered
	 * @param sourceFreeAttempts failures from one address, over all accounts, before that
	 * address backs off (except for accounts it is known to)
	 * @param accountFreeAttempts failures of one account from untrusted sources before
	 * they all back off on it; known devices and addresses still get in
	 * @param knownFor how long a device cookie and a known address are trusted after a
	 * successful login
	 */
	public record Lockout(@Min(1) int freeAttempts, @NotNull Duration baseDelay, @NotNull Duration maxDelay,
			@NotNull Duration window, @Min(1) int sourceFreeAttempts, @Min(1) int accountFreeAttempts,
			@NotNull Duration knownFor) {
	}

	/**
	 * @param secret the client secret; none makes a public client (authorization code
	 * with PKCE)
	 * @param grantTypes {@code client_credentials} and/or {@code authorization_code}
	 * @param scopes the scopes it may ask for
	 * @param redirectUris where an authorization code may be sent
	 */
	public record Client(String secret, @NotEmpty Set<String> grantTypes, Set<String> scopes,
			Set<String> redirectUris) {
	}

}
