package org.taskflow.task;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API is version 1 with or without an {@code API-Version} header; any other version
 * is a 400 problem before a controller runs. Actuator endpoints are not versioned.
 */
class ApiVersionIntegrationTests extends TaskIntegrationTests {

	@Test
	void withoutAHeaderTheApiIsVersionOne() {
		User owner = newUser();
		createTask(owner, "unversioned");

		Response list = get("/api/tasks", owner.token());

		assertThat(list.status()).as(list.raw()).isEqualTo(200);
		assertThat(list.raw()).contains("unversioned");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "1.0" })
	void versionOneMayBeAskedFor(String version) {
		User owner = newUser();

		Response created = post("/api/tasks", Map.of("title", "versioned"), owner.token(), "API-Version", version);

		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(get("/api/tasks/" + created.body().get("id").asString(), owner.token(), "API-Version", version)
			.status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2", "banana", "" })
	void anyOtherVersionIsABadRequestNamingTheSupportedOnes(String version) {
		User owner = newUser();

		Response response = post("/api/tasks", Map.of("title", "never stored"), owner.token(), "API-Version", version);

		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.problemType()).isEqualTo("urn:taskflow:problem:unsupported-api-version");
		assertThat(response.body().get("detail").asString()).contains("Supported versions: 1");
		assertThat(response.raw()).doesNotContain("banana");
		assertThat(get("/api/tasks", owner.token()).raw()).doesNotContain("never stored");
	}

	@Test
	void theOpenApiDocumentOffersTheHeaderOnEveryOperation() {
		JsonNode paths = get("/v3/api-docs", null).body().get("paths");

		assertThat(paths.propertyNames()).isNotEmpty()
			.allSatisfy((path) -> paths.get(path)
				.forEach((operation) -> assertThat(operation.get("parameters"))
					.filteredOn((parameter) -> parameter.get("name").asString().equals("API-Version"))
					.singleElement()
					.satisfies((header) -> {
						assertThat(header.get("in").asString()).isEqualTo("header");
						assertThat(header.get("required").asBoolean()).isFalse();
						assertThat(header.at("/schema/default").asString()).isEqualTo("1");
						assertThat(header.at("/schema/enum").values()).extracting(JsonNode::asString)
							.containsExactly("1");
					})));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/readiness", "/actuator/health/liveness" })
	void probesAnswerWithOrWithoutAVersion(String probe) {
		assertThat(get(probe, null).status()).isEqualTo(200);
		assertThat(get(probe, null, "API-Version", "2").status()).isEqualTo(200);
	}

}
