package org.taskflow.user;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.taskflow.testsupport.OperationalEndpointsContract;

import static org.assertj.core.api.Assertions.assertThat;

class OperationalEndpointsIntegrationTests extends UserIntegrationTests implements OperationalEndpointsContract {

	@Override
	public int port() {
		return this.port;
	}

	/** Ready only once MongoDB answers and the schema migrations are applied. */
	@Override
	public List<String> healthComponents() {
		return List.of("mongo", "migrations");
	}

	/** The gateway aggregates it at /v3/api-docs/user. */
	@Test
	void publishesItsOpenApiDocumentWithoutAToken() {
		Response docs = get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/api/users/me", "/api/users/search",
				"/api/users", "/internal/users");
	}

}
