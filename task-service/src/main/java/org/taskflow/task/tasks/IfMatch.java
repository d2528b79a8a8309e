package org.taskflow.task.tasks;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An {@code If-Match} precondition (RFC 9110 §13.1.1): {@code *} or a list of entity
 * tags, compared strongly with the task's ETag, which is its quoted version. A weak or
 * malformed tag never matches.
 */
record IfMatch(boolean any, List<String> tags) {

	static @Nullable IfMatch parse(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		if (header.strip().equals("*")) {
			return new IfMatch(true, List.of());
		}
		return new IfMatch(false, Arrays.stream(header.split(",")).map(String::strip).toList());
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

	boolean matches(long version) {
		return this.any || this.tags.contains(etag(version));
	}

}
