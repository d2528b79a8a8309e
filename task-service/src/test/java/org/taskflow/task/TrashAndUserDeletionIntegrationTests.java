package org.taskflow.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.taskflow.testsupport.UserEventsTopic;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TrashAndUserDeletionIntegrationTests extends TaskIntegrationTests {

	static {
		UserEventsTopic.declare();
	}

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void trashOlderThanTheRetentionIsPurgedAfterItsEventIsPublished() {
		User owner = newUser();
		String old = createTask(owner, "old rubbish").get("id").asString();
		String recent = createTask(owner, "recent rubbish").get("id").asString();
		delete("/api/tasks/" + old, owner.token());
		delete("/api/tasks/" + recent, owner.token());
		this.mongo
			.updateFirst(new Query(Criteria.where("_id").is(old)),
					new Update().set("deletedAt", Date.from(Instant.now().minus(Duration.ofDays(31)))), "tasks")
			.block(Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(document(old)).as("removed once published").isNull());
		List<JsonNode> events = eventsOf(old, 3);
		JsonNode purged = events.getLast();
		assertThat(purged.get("type").asString()).isEqualTo("taskflow.task.TaskDeleted.v1");
		assertThat(purged.get("data").get("permanently").asBoolean()).isTrue();
		assertThat(purged.get("data").get("actorId").asString()).isEqualTo("task-service");
		assertThat(get("/api/tasks/" + old, owner.token()).status()).isEqualTo(404);
		assertThat(post("/api/tasks/" + old + "/restore", "", owner.token()).status()).isEqualTo(404);
		assertThat(get("/api/tasks/" + recent, owner.token()).status()).isEqualTo(200);
		assertThat(get("/api/tasks?deleted=true", owner.token()).body().get("items")).hasSize(1);
	}

	@Test
	void aDeletedUsersTasksAreDeletedAndTheyAreUnassignedElsewhereOnceOnly() throws Exception {
		User leaving = newUser();
		User colleague = newUser();
		String theirs = createTask(leaving, Map.of("title", "theirs", "assigneeIds", List.of(colleague.id()))).get("id")
			.asString();
		String trashed = createTask(leaving, "trashed").get("id").asString();
		delete("/api/tasks/" + trashed, leaving.token());
		String shared = createTask(colleague, Map.of("title", "shared", "assigneeIds", List.of(leaving.id()))).get("id")
			.asString();

		String event = UserEventsTopic.userDeleted(leaving.id());
		UserEventsTopic.publish(leaving.id(), event);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(get("/api/tasks/" + theirs, colleague.token()).status()).isEqualTo(404);
			assertThat(get("/api/tasks/" + shared, colleague.token()).body().get("assigneeIds")).isEmpty();
		});
		assertThat(get("/api/tasks/" + trashed, leaving.token()).status()).isEqualTo(404);
		assertThat(get("/api/tasks/" + shared, leaving.token()).status()).isEqualTo(404);

		// each task: TaskCreated (naming its assignee), then the change the deletion made
		JsonNode deleted = eventsOf(theirs, 2).getLast();
		assertThat(deleted.get("type").asString()).isEqualTo("taskflow.task.TaskDeleted.v1");
		assertThat(deleted.get("data").get("permanently").asBoolean()).isTrue();
		JsonNode unassigned = eventsOf(shared, 2).getLast();
		assertThat(unassigned.get("type").asString()).isEqualTo("taskflow.task.TaskUpdated.v1");
		assertThat(unassigned.get("data").get("assigneeIds")).isEmpty();
		assertThat(unassigned.get("data").get("removedAssigneeIds").valueStream().map(JsonNode::asString))
			.containsExactly(leaving.id());

		UserEventsTopic.publish(leaving.id(), event);
		UserEventsTopic.publish(leaving.id(), "{not json");
		Thread.sleep(3_000);
		assertThat(readTopic((e) -> shared.equals(e.get("subject").asString()))).hasSize(2);
		assertThat(get("/api/tasks/" + shared, colleague.token()).body().get("version").asLong()).isEqualTo(1);
	}

	private Document document(String id) {
		return this.mongo.findById(id, Document.class, "tasks").block(Duration.ofSeconds(5));
	}

}
