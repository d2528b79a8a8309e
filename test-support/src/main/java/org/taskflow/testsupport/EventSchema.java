package org.taskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * A producer's event contract, the JSON Schema it keeps beside its code
 * ({@code <producer>/src/main/resources/events/<file>}), read from the producer's module
 * in this repository: a consumer's fixtures and the system tests check records against
 * the producer's own copy, never a copy that could drift. Formats ({@code uuid},
 * {@code date-time}, {@code date}) are asserted, not just annotated.
 */
public final class EventSchema {

	private final Path file;

	private final Schema schema;

	private EventSchema(Path file) throws IOException {
		this.file = file;
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		this.schema = SchemaRegistry
			.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, (builder) -> builder.schemaRegistryConfig(config))
			.getSchema(Files.readString(file), InputFormat.JSON);
	}

	/**
	 * The schema {@code file} of {@code producer} (a module folder such as
	 * {@code task-service}), found from the working directory of the test (a module of
	 * this repository, or its root).
	 */
	public static EventSchema of(String producer, String file) {
		Path relative = Path.of(producer, "src/main/resources/events", file);
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(relative))) {
				try {
					return new EventSchema(dir.resolve(relative));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
	}

	/** What is wrong with {@code json} by this contract; empty when it conforms. */
	public List<String> violations(String json) {
		return this.schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
	}

	/** Fails with every violation when {@code json} does not conform. */
	public String requireValid(String json) {
		List<String> violations = violations(json);
		if (!violations.isEmpty()) {
			throw new AssertionError("not a valid event by " + this.file + ": " + violations + "\n" + json);
		}
		return json;
	}

	@Override
	public String toString() {
		return this.file.toString();
	}

}
