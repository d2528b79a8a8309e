package org.taskflow.task.config;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: strictly. A member the API does not know ({@code ownerId},
 * {@code version}, a misspelt field) and a value of the wrong JSON type
 * ({@code "title": 5}) are rejected with a 400 naming the field instead of being dropped
 * or coerced. Only for what clients send; records read from other services ignore fields
 * they do not declare, so their producers can add fields.
 *
 * @param mapper the strict mapper
 */
public record RequestJson(JsonMapper mapper) {

	static RequestJson from(JsonMapper json) {
		return new RequestJson(json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build());
	}

}
