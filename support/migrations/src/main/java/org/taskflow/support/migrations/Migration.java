package org.taskflow.support.migrations;

import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * One versioned schema step of a service's database. Declare each as a bean; they are
 * applied in version order before the service reports ready. A step must be idempotent:
 * replicas starting together may both run it.
 *
 * @param version unique, increasing; never reuse or change an applied one
 * @param description what the step does, recorded with it
 * @param step the change itself
 */
public record Migration(int version, String description, Function<ReactiveMongoTemplate, Mono<Void>> step) {

	/**
	 * A step that creates indexes on one collection (creating an existing one is a
	 * no-op).
	 */
	public static Migration indexes(int version, String description, String collection, List<IndexDefinition> indexes) {
		return new Migration(version, description,
				(mongo) -> Flux.fromIterable(indexes)
					.concatMap((index) -> mongo.indexOps(collection).createIndex(index))
					.then());
	}

}
