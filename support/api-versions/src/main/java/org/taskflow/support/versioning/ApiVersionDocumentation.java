package org.taskflow.support.versioning;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The {@code API-Version} header in a service's OpenAPI document: an optional parameter
 * of every operation, limited to the supported versions, the default one when absent.
 * Swagger UI then offers it, and clients generated from the document send it.
 */
final class ApiVersionDocumentation implements OpenApiCustomizer {

	private final ApiVersions versions;

	ApiVersionDocumentation(ApiVersions versions) {
		this.versions = versions;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		Parameter header = new HeaderParameter().name(this.versions.header())
			.required(false)
			.description("The API version to use; " + this.versions.defaultVersion() + " when absent. "
					+ "Any other value is a 400 unsupported-api-version problem.")
			.schema(new StringSchema()._default(this.versions.defaultVersion())._enum(this.versions.supported()));
		openApi.getPaths()
			.values()
			.forEach((path) -> path.readOperations().forEach((operation) -> operation.addParametersItem(header)));
	}

}
