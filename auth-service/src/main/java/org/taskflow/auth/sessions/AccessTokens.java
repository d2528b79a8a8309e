package org.taskflow.auth.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import org.taskflow.auth.AuthProperties;
import org.taskflow.auth.keys.SigningKeys;

/**
 * Access tokens for people logged in through the first-party API: the same issuer, key
 * and audience as the OAuth2 endpoints, so every resource server validates both alike.
 */
@Component
class AccessTokens {

	/**
	 * The scope of a person's token; service clients get narrower, named scopes instead.
	 */
	static final String USER_SCOPE = "api";

	private final JwtEncoder encoder;

	private final SigningKeys keys;

	private final AuthProperties properties;

	private final Clock clock;

	AccessTokens(JwtEncoder encoder, SigningKeys keys, AuthProperties properties, Clock clock) {
		this.encoder = encoder;
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param sessionId the refresh-token family, as {@code sid}, so a session can act on
	 * "the others"
	 */
	AccessToken issue(String userId, Collection<String> roles, String sessionId) {
		Instant now = this.clock.instant();
		Duration ttl = this.properties.accessTokenTtl();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(userId)
			.audience(List.of(this.properties.audience()))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(ttl))
			.id(UUID.randomUUID().toString())
			.claim("scope", USER_SCOPE)
			.claim("roles", List.copyOf(roles))
			.claim("sid", sessionId)
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.keys.active().getKeyID()).build();
		String value = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new AccessToken(value, ttl);
	}

	record AccessToken(String value, Duration expiresIn) {
	}

}
