package org.taskflow.task.tasks;

import java.util.List;

import org.bson.Document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.taskflow.support.migrations.Migration;

/**
 * The indexes behind every query of the task feature, applied by service-support's
 * versioned migration runner before the service reports ready. The list queries always
 * select by {@code members} (owner and assignees) and sort by one key then {@code _id}:
 * one compound index per sort. Text search uses the multikey {@code searchTokens}; the
 * idempotency key is unique and sparse (tasks created without one are not indexed).
 */
@Configuration(proxyBeanMethods = false)
class TaskSchema {

	@Bean
	Migration taskIndexes() {
		return Migration
			.indexes(1, "task lookups, list sorts, search, idempotency, outbox, trash", Task.COLLECTION, List.of(
					compound("members_created", new Document("members", 1).append("createdAt", -1).append("_id", -1)),
					compound("members_updated", new Document("members", 1).append("updatedAt", -1).append("_id", -1)),
					compound("members_due", new Document("members", 1).append("dueSort", 1).append("_id", 1)),
					compound("members_priority",
							new Document("members", 1).append("priorityRank", -1).append("_id", -1)),
					new Index("searchTokens", Sort.Direction.ASC).named("search_tokens"),
					new Index("assigneeIds", Sort.Direction.ASC).named("assignees"),
					new Index("ownerId", Sort.Direction.ASC).named("owner"),
					new Index("idempotencyKey", Sort.Direction.ASC).unique().sparse().named("idempotency_key"),
					new Index("outbox._id", Sort.Direction.ASC).sparse().named("outbox_pending"),
					new Index("deletedAt", Sort.Direction.ASC).sparse().named("trash"),
					new Index("purgedAt", Sort.Direction.ASC).sparse().named("purged")));
	}

	private static CompoundIndexDefinition compound(String name, Document keys) {
		CompoundIndexDefinition index = new CompoundIndexDefinition(keys);
		index.named(name);
		return index;
	}

}
