package org.taskflow.auth.oauth;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.taskflow.auth.AuthProperties;
import org.taskflow.auth.accounts.AccountUser;
import org.taskflow.auth.keys.SigningKeys;

/**
 * Tokens from the OAuth2 endpoints look like first-party ones: signed by the active key
 * (named in {@code kid}, which also picks it among the published keys) and, for access
 * tokens, issued for the TaskFlow API audience that every service checks.
 */
@Component
class TokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeys keys;

	private final AuthProperties properties;

	TokenCustomizer(SigningKeys keys, AuthProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().keyId(this.keys.active().getKeyID());
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getClaims().audience(List.of(this.properties.audience()));
		}
		// A person who logged in on the form: the same subject and roles as in
		// first-party tokens, not the email the form used as username
		if (context.getPrincipal().getPrincipal() instanceof AccountUser person) {
			context.getClaims().subject(person.id());
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				context.getClaims()
					.claim("roles",
							person.getAuthorities()
								.stream()
								.map((authority) -> authority.getAuthority().substring("ROLE_".length()))
								.toList());
			}
		}
	}

}
