package org.taskflow.testsupport;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document a service publishes for the gateway, which aggregates it at
 * {@code /v3/api-docs/<service>} for its Swagger UI: readable without a token, and
 * describing the service's API. A service's integration test implements this and names
 * the paths.
 */
public interface OpenApiDocumentContract {

	/** Paths the document must describe. */
	List<String> documentedPaths();

	@Test
	default void publishesItsOpenApiDocumentWithoutAToken(@LocalServerPort int port) {
		HttpResponse<String> document = TestHttp.get(port, "/v3/api-docs");
		assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(document.body()).get("paths").propertyNames())
			.containsAll(documentedPaths());
	}

}
