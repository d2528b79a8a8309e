package org.taskflow.support.migrations;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;

/**
 * The record of applied steps, one document a version in {@code schema_migrations}; the
 * same for reactive and blocking services.
 */
final class MigrationHistory {

	static final String COLLECTION = "schema_migrations";

	private MigrationHistory() {
	}

	static Document entry(int version, String description, Clock clock) {
		return new Document("_id", version).append("description", description)
			.append("appliedAt", Date.from(clock.instant()));
	}

}
