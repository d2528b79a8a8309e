package org.taskflow.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/auth} is version 1 with or without an {@code API-Version} header; any other
 * version is a 400 problem. The Authorization Server's endpoints and actuator are not
 * versioned.
 */
class ApiVersionIntegrationTests extends AuthIntegrationTests {

	@Test
	void versionOneIsTheDefaultAndMayBeAskedFor() {
		String email = uniqueEmail();
		String id = signup(email);

		Response login = post("/api/auth/login", Map.of("email", email, "password", PASSWORD, "tokenDelivery", "body"),
				"API-Version", "1");
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		Response me = get("/api/auth/me", "Authorization", "Bearer " + login.body().get("accessToken").asString(),
				"API-Version", "1");

		assertThat(me.status()).as(me.raw()).isEqualTo(200);
		assertThat(me.body().get("id").asString()).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2", "banana", "" })
	void anyOtherVersionIsABadRequestNamingTheSupportedOnes(String version) {
		String email = uniqueEmail();

		Response signup = post("/api/auth/signup",
				Map.of("email", email, "password", PASSWORD, "displayName", "Ada Lovelace"), "API-Version", version);

		assertThat(signup.status()).as(signup.raw()).isEqualTo(400);
		assertThat(signup.problemType()).isEqualTo("urn:taskflow:problem:unsupported-api-version");
		assertThat(signup.body().get("detail").asString()).contains("Supported versions: 1");
		// nothing was created: the address is still free
		signup(email);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/openid-configuration", "/oauth2/jwks", "/actuator/health/liveness" })
	void authorizationServerAndProbesIgnoreTheVersion(String path) {
		Response response = get(path, "API-Version", "2");

		assertThat(response.status()).as(response.raw()).isEqualTo(200);
	}

}
