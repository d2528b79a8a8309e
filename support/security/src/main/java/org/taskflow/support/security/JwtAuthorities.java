package org.taskflow.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a TaskFlow access token speaks for: its subject, with {@code ROLE_USER} and
 * {@code ROLE_ADMIN} from the {@code roles} claim of a person's token and {@code SCOPE_x}
 * from {@code scope}.
 */
final class JwtAuthorities {

	private JwtAuthorities() {
	}

	static JwtAuthenticationToken authentication(Jwt jwt) {
		Collection<GrantedAuthority> authorities = new ArrayList<>();
		List<String> roles = jwt.getClaimAsStringList("roles");
		if (roles != null) {
			roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		}
		// a space-separated string in first-party tokens, a JSON array in the
		// authorization server's
		Object scope = jwt.getClaim("scope");
		Collection<?> scopes = (scope instanceof Collection<?> list) ? list
				: (scope instanceof String text && !text.isBlank()) ? List.of(text.trim().split("\\s+")) : List.of();
		scopes.forEach((each) -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + each)));
		return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
	}

}
