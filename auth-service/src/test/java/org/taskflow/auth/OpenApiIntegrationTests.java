package org.taskflow.auth;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The API document the gateway's Swagger UI shows at /v3/api-docs/auth. */
class OpenApiIntegrationTests extends AuthIntegrationTests {

	@Test
	void publishesTheFirstPartyApiWithoutATokenAndWithoutItsOwnAddress() {
		Response docs = get("/v3/api-docs");
		assertThat(docs.status()).as(docs.raw()).isEqualTo(200);
		JsonNode document = docs.body();
		assertThat(document.get("paths").propertyNames()).contains("/api/auth/signup", "/api/auth/login",
				"/api/auth/refresh", "/api/auth/logout", "/api/auth/logout-all", "/api/auth/sessions",
				"/api/auth/password", "/api/auth/me");
		assertThat(document.get("paths").propertyNames()).as("the OAuth2 endpoints are described by discovery")
			.noneMatch((path) -> path.startsWith("/oauth2"));
		assertThat(document.at("/paths/~1api~1auth~1login/post/parameters").toString()).as("the version header")
			.contains("\"API-Version\"");
		assertThat(document.get("servers")).singleElement()
			.satisfies((server) -> assertThat(server.get("url").asString()).isEqualTo("/"));
	}

}
