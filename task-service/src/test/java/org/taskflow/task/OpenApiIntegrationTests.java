package org.taskflow.task;

import java.util.List;

import org.taskflow.testsupport.OpenApiDocumentContract;

/** The API document the gateway's Swagger UI shows at /v3/api-docs/task. */
class OpenApiIntegrationTests extends TaskIntegrationTests implements OpenApiDocumentContract {

	@Override
	public List<String> documentedPaths() {
		return List.of("/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/restore", "/api/tasks/stats",
				"/api/tasks/import");
	}

}
