package org.taskflow.infra;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Just enough JSON for the launcher's ready file (strings, numbers, nested objects): the
 * launcher's class path carries no JSON library of its own to rely on.
 */
final class Json {

	private Json() {
	}

	static String write(Object value) {
		return switch (value) {
			case Map<?, ?> map -> map.entrySet()
				.stream()
				.map((entry) -> string(entry.getKey().toString()) + ":" + write(entry.getValue()))
				.collect(Collectors.joining(",", "{", "}"));
			case Number number -> number.toString();
			default -> string(value.toString());
		};
	}

	private static String string(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append("\\u%04x".formatted((int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
