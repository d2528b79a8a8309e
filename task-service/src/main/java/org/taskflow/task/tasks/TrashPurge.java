package org.taskflow.task.tasks;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Empties the trash of tasks deleted longer ago than the retention period, each with its
 * {@code TaskDeleted(permanently=true)}, then removes the documents whose event has been
 * published (see {@link TaskService#purge}). Done by the service, not a TTL index: the
 * event must be written first, and the embedded Mongo server never expires anything. Safe
 * on several replicas: each purge is a conditional write on the version read.
 */
@Component
class TrashPurge {

	private static final Logger logger = LoggerFactory.getLogger(TrashPurge.class);

	private static final int BATCH = 500;

	private final ReactiveMongoTemplate mongo;

	private final TaskService tasks;

	private final TaskProperties properties;

	TrashPurge(ReactiveMongoTemplate mongo, TaskService tasks, TaskProperties properties) {
		this.mongo = mongo;
		this.tasks = tasks;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${taskflow.tasks.purge-interval:1h}",
			initialDelayString = "${taskflow.tasks.purge-interval:1h}")
	Mono<Void> purge() {
		Instant cutoff = this.tasks.now().minus(this.properties.trashRetention());
		Query expired = new Query(Criteria.where("deletedAt").lt(cutoff).and("purgedAt").is(null)).limit(BATCH);
		return this.mongo.find(expired, Task.class)
			.concatMap(this.tasks::purge)
			.count()
			.zipWith(this.tasks.sweep())
			.doOnNext((counts) -> {
				if (counts.getT1() + counts.getT2() > 0) {
					logger.info("Trash: {} tasks purged, {} removed after publishing", counts.getT1(), counts.getT2());
				}
			})
			.onErrorResume((ex) -> {
				logger.warn("Trash purge failed, next round retries: {}", ex.toString());
				return Mono.empty();
			})
			.then();
	}

}
