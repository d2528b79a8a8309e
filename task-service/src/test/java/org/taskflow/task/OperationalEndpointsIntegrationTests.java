package org.taskflow.task;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.taskflow.testsupport.OperationalEndpointsContract;

import static org.assertj.core.api.Assertions.assertThat;

class OperationalEndpointsIntegrationTests extends TaskIntegrationTests implements OperationalEndpointsContract {

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public List<String> healthComponents() {
		return List.of("mongo", "migrations");
	}

	@Test
	void publishesItsOpenApiDescriptionForTheGateway() {
		Response docs = get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").propertyNames()).contains("/api/tasks", "/api/tasks/{id}",
				"/api/tasks/{id}/restore", "/api/tasks/stats", "/api/tasks/import");
	}

}
