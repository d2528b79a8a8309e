package org.taskflow.task.tasks;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.taskflow.task.config.RequestJson;

/**
 * JSON Merge Patch (RFC 7396) of a task's editable fields: a member present in the patch
 * replaces the field (arrays as a whole), {@code null} clears it, an absent member leaves
 * it alone. Clearing applies to description, due fields, tags and assignees; title,
 * status and priority cannot be cleared. The patched fields are then validated like a
 * full update.
 */
@Component
class MergePatch {

	/** What a patch may name: the members of {@link TaskRequest}. */
	private static final Set<String> EDITABLE = Arrays.stream(TaskRequest.class.getRecordComponents())
		.map(RecordComponent::getName)
		.collect(Collectors.toUnmodifiableSet());

	private static final Set<String> REQUIRED = Set.of("title", "status", "priority");

	private final JsonMapper json;

	private final Validator validator;

	MergePatch(RequestJson json, Validator validator) {
		this.json = json.mapper();
		this.validator = validator;
	}

	TaskRequest apply(TaskRequest current, JsonNode patch) {
		if (!patch.isObject()) {
			throw new TaskException.Invalid(List.of(Map.of("field", "", "message", "a merge patch is a JSON object")));
		}
		List<Map<String, String>> errors = new ArrayList<>();
		ObjectNode target = this.json.valueToTree(current);
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			String field = member.getKey();
			if (!EDITABLE.contains(field)) {
				errors.add(Map.of("field", field, "message", "is not an editable field"));
			}
			else if (member.getValue().isNull()) {
				if (REQUIRED.contains(field)) {
					errors.add(Map.of("field", field, "message", "cannot be cleared"));
				}
				target.remove(field);
			}
			else {
				target.set(field, member.getValue());
			}
		}
		if (!errors.isEmpty()) {
			throw new TaskException.Invalid(errors);
		}
		TaskRequest patched;
		try {
			patched = this.json.treeToValue(target, TaskRequest.class);
		}
		catch (JacksonException ex) {
			throw TaskService.malformed(ex);
		}
		Set<ConstraintViolation<TaskRequest>> violations = this.validator.validate(patched);
		if (!violations.isEmpty()) {
			throw new TaskException.Invalid(violations.stream()
				.map((violation) -> Map.of("field", violation.getPropertyPath().toString(), "message",
						violation.getMessage()))
				.toList());
		}
		return patched;
	}

}
