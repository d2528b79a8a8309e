package org.taskflow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads YAML documents as plain maps and lists, and walks them by path. Duplicate keys
 * are an error: in a compose file or manifest they silently drop a setting.
 */
final class Yaml {

	private Yaml() {
	}

	static List<Map<String, Object>> loadAll(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : parser().loadAll(text)) {
			if (document != null) {
				documents.add(map(document));
			}
		}
		return documents;
	}

	static Map<String, Object> load(String text) {
		return map(parser().load(text));
	}

	static String dump(Object node) {
		org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
		options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
		return new org.yaml.snakeyaml.Yaml(options).dump(node);
	}

	/**
	 * What Helm makes of a values file given with {@code -f}: maps merge deeply, anything
	 * else replaces.
	 */
	static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
		Map<String, Object> merged = new java.util.LinkedHashMap<>(base);
		override.forEach((key, value) -> {
			Object current = merged.get(key);
			if (current instanceof Map<?, ?> && value instanceof Map<?, ?>) {
				merged.put(key, merge(map(current), map(value)));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	private static org.yaml.snakeyaml.Yaml parser() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
	}

	/** The value at a dotted path ({@code spec.template.spec}), or null. */
	static Object at(Object node, String path) {
		Object current = node;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node) {
		if (node == null) {
			return Map.of();
		}
		if (!(node instanceof Map<?, ?>)) {
			throw new AssertionError("expected a mapping but found " + node);
		}
		return (Map<String, Object>) node;
	}

	static Map<String, Object> mapAt(Object node, String path) {
		return map(at(node, path));
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object node) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof List<?>)) {
			throw new AssertionError("expected a list but found " + node);
		}
		return (List<Object>) node;
	}

	static List<Object> listAt(Object node, String path) {
		return list(at(node, path));
	}

	static List<Map<String, Object>> mapsAt(Object node, String path) {
		return listAt(node, path).stream().map(Yaml::map).toList();
	}

	static String string(Object node, String path) {
		Object value = at(node, path);
		return (value != null) ? Objects.toString(value) : null;
	}

}
