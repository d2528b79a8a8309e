package org.taskflow.user;

import java.util.List;

import org.taskflow.testsupport.OpenApiDocumentContract;

/** The API document the gateway's Swagger UI shows at /v3/api-docs/user. */
class OpenApiIntegrationTests extends UserIntegrationTests implements OpenApiDocumentContract {

	@Override
	public List<String> documentedPaths() {
		return List.of("/api/users/me", "/api/users/search", "/api/users", "/internal/users");
	}

}
