package org.taskflow.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceServerTests {

	@Test
	void aPersonsTokenGrantsRolesAndSpaceSeparatedScopes() {
		Jwt jwt = jwt().claim("roles", List.of("USER", "ADMIN")).claim("scope", "api extra").build();
		assertThat(authorities(jwt)).containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN", "SCOPE_api", "SCOPE_extra");
	}

	@Test
	void aServiceTokenGrantsItsScopeArrayAndNoRole() {
		Jwt jwt = jwt().claim("scope", List.of("users.read")).build();
		assertThat(authorities(jwt)).containsExactly("SCOPE_users.read");
	}

	@Test
	void theNameIsTheSubject() {
		Jwt jwt = jwt().build();
		assertThat(ResourceServer.authentication(jwt, null).block().getName()).isEqualTo("user-1");
	}

	@Test
	void refusesATokenOfAnEndedSessionAsAnInvalidToken() {
		RevokedSessions revoked = new RevokedSessions(Clock.systemUTC());
		revoked.refuse("session-1", Instant.now().plusSeconds(60).getEpochSecond());
		assertThatThrownBy(
				() -> ResourceServer.authentication(jwt().claim("sid", "session-1").build(), revoked).block())
			.isInstanceOf(InvalidBearerTokenException.class);
		assertThat(ResourceServer.authentication(jwt().claim("sid", "session-2").build(), revoked).block().getName())
			.isEqualTo("user-1");
	}

	private static Jwt.Builder jwt() {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("user-1")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
	}

	private static List<String> authorities(Jwt jwt) {
		return ResourceServer.authentication(jwt, null)
			.block()
			.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.toList();
	}

}
