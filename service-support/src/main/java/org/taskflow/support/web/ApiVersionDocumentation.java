package org.taskflow.support.web;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The {@code API-Version} header in a service's OpenAPI document: an optional parameter
 * of every operation, limited to the supported versions, {@value ApiVersioning#DEFAULT}
 * by default. Swagger UI then offers it, and clients generated from the document send it.
 */
final class ApiVersionDocumentation implements OpenApiCustomizer {

	private final List<String> supported;

	ApiVersionDocumentation(ApiVersionProperties properties) {
		this.supported = properties.supported();
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		Parameter header = new HeaderParameter().name(ApiVersioning.HEADER)
			.required(false)
			.description("The API version to use; " + ApiVersioning.DEFAULT + " when absent. "
					+ "Any other value is a 400 unsupported-api-version problem.")
			.schema(new StringSchema()._default(ApiVersioning.DEFAULT)._enum(this.supported));
		openApi.getPaths()
			.values()
			.forEach((path) -> path.readOperations().forEach((operation) -> operation.addParametersItem(header)));
	}

}
