package org.taskflow.support.migrations;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * {@link Migration} for a service on blocking MongoDB: one versioned schema step,
 * declared as a bean, applied in version order before the service reports ready. A step
 * must be idempotent: replicas starting together may both run it.
 *
 * @param version unique, increasing; never reuse or change an applied one
 * @param description what the step does, recorded with it
 * @param step the change itself
 */
public record BlockingMigration(int version, String description, Consumer<MongoTemplate> step) {

	/**
	 * A step that creates indexes on one collection (creating an existing one is a
	 * no-op).
	 */
	public static BlockingMigration indexes(int version, String description, String collection,
			List<IndexDefinition> indexes) {
		return new BlockingMigration(version, description,
				(mongo) -> indexes.forEach((index) -> mongo.indexOps(collection).createIndex(index)));
	}

}
