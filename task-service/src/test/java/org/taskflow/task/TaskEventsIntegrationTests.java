package org.taskflow.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.taskflow.testsupport.EventSchema;
import org.taskflow.testsupport.InfrastructureInitializer;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TaskEventsIntegrationTests extends TaskIntegrationTests {

	private static final Set<String> SNAPSHOT = Set.of("taskId", "ownerId", "title", "status", "priority",
			"assigneeIds", "dueDate", "dueAt", "dueZone", "version", "actorId");

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void publishesATasksLifeAsCloudEventsInOrder() {
		User owner = newUser();
		User helper = newUser();
		String id = createTask(owner, Map.of("title", "life", "dueDate", "2030-05-01")).get("id").asString();
		patch("/api/tasks/" + id, Map.of("assigneeIds", List.of(helper.id())), owner.token());
		patch("/api/tasks/" + id, Map.of("status", "DONE"), helper.token());
		assertThat(patch("/api/tasks/" + id,
				Map.of("dueAt", "2030-05-02T09:00:00Z", "dueZone", "Europe/Paris", "dueDate", "2030-05-02"),
				owner.token())
			.status()).isEqualTo(400);
		Map<String, Object> moveDue = new HashMap<>();
		moveDue.put("dueDate", null);
		moveDue.put("dueAt", "2030-05-02T09:00:00Z");
		moveDue.put("dueZone", "Europe/Paris");
		patch("/api/tasks/" + id, moveDue, owner.token());
		delete("/api/tasks/" + id, owner.token());
		post("/api/tasks/" + id + "/restore", "", owner.token());

		List<JsonNode> events = eventsOf(id, 9);
		assertThat(events).extracting((event) -> event.get("type").asString().replace("taskflow.task.", ""))
			.containsExactly("TaskCreated.v1", "TaskAssigned.v1", "TaskUpdated.v1", "TaskCompleted.v1",
					"TaskUpdated.v1", "TaskDueDateChanged.v1", "TaskUpdated.v1", "TaskDeleted.v1", "TaskRestored.v1");
		for (JsonNode event : events) {
			assertThat(event.get("specversion").asString()).isEqualTo("1.0");
			assertThat(event.get("source").asString()).isEqualTo("/task-service");
			assertThat(event.get("subject").asString()).isEqualTo(id);
			assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
			assertThat(event.get("data").propertyNames()).containsAll(SNAPSHOT);
			assertThat(event.get("data").get("taskId").asString()).isEqualTo(id);
			assertThat(event.get("data").get("ownerId").asString()).isEqualTo(owner.id());
		}
		JsonNode assigned = events.get(1).get("data");
		assertThat(assigned.get("addedAssigneeIds").get(0).asString()).isEqualTo(helper.id());
		assertThat(assigned.get("version").asLong()).isEqualTo(1);
		JsonNode completed = events.get(3).get("data");
		assertThat(completed.get("actorId").asString()).isEqualTo(helper.id());
		assertThat(completed.get("completedAt").isNull()).isFalse();
		assertThat(completed.get("version").asLong()).isEqualTo(2);
		JsonNode dueChanged = events.get(5).get("data");
		assertThat(dueChanged.get("dueDate").isNull()).isTrue();
		assertThat(dueChanged.get("dueAt").asString()).isEqualTo("2030-05-02T09:00:00Z");
		assertThat(dueChanged.get("dueZone").asString()).isEqualTo("Europe/Paris");
		assertThat(events.get(7).get("data").get("permanently").asBoolean()).isFalse();
		assertThat(events.get(8).get("data").get("version").asLong()).isEqualTo(5);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outbox(id)).isEmpty());
	}

	@Test
	void aTaskCreatedWithAssigneesIsOneTaskCreatedThatNamesThemAndNoTaskAssigned() {
		User owner = newUser();
		User helper = newUser();
		String id = createTask(owner, Map.of("title", "together", "assigneeIds", List.of(helper.id()))).get("id")
			.asString();
		// a later change: its events come after any the creation made, in order on the
		// task's key
		patch("/api/tasks/" + id, Map.of("title", "together, renamed"), owner.token());

		List<JsonNode> events = eventsOf(id, 2);
		assertThat(events).extracting((event) -> event.get("type").asString().replace("taskflow.task.", ""))
			.startsWith("TaskCreated.v1", "TaskUpdated.v1");
		assertThat(events.get(0).get("data").get("assigneeIds").valueStream().map(JsonNode::asString))
			.containsExactly(helper.id());
		assertThat(events.get(0).get("data").get("version").asLong()).isZero();
	}

	@Test
	void aChangeThatTakesPeopleOffTheAssigneesNamesThemInItsTaskUpdatedOnly() {
		User owner = newUser();
		User stays = newUser();
		User leaves = newUser();
		User joins = newUser();
		String id = createTask(owner, Map.of("title", "rota", "assigneeIds", List.of(stays.id(), leaves.id())))
			.get("id")
			.asString();
		patch("/api/tasks/" + id, Map.of("assigneeIds", List.of(stays.id(), joins.id())), owner.token());
		patch("/api/tasks/" + id, Map.of("title", "rota, renamed"), owner.token());

		List<JsonNode> events = eventsOf(id, 4);
		assertThat(events).extracting((event) -> event.get("type").asString().replace("taskflow.task.", ""))
			.containsExactly("TaskCreated.v1", "TaskAssigned.v1", "TaskUpdated.v1", "TaskUpdated.v1");
		EventSchema contract = EventSchema.of("task-service", "task-events.v1.schema.json");
		events.forEach((event) -> contract.requireValid(event.toString()));
		assertThat(strings(events.get(1).get("data").get("addedAssigneeIds"))).containsExactly(joins.id());
		assertThat(events.get(1).get("data").has("removedAssigneeIds")).isFalse();
		JsonNode reassigned = events.get(2).get("data");
		assertThat(strings(reassigned.get("removedAssigneeIds"))).containsExactly(leaves.id());
		assertThat(strings(reassigned.get("assigneeIds"))).containsExactlyInAnyOrder(stays.id(), joins.id());
		assertThat(strings(events.get(3).get("data").get("removedAssigneeIds"))).isEmpty();
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	@Test
	void kafkaDownWhileAThousandTasksAreCreatedThenUpPublishesExactlyAThousandTaskCreated() throws Exception {
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		assumeTrue(infrastructure.canRestartKafka(),
				"the Kafka containers cannot be stopped and restarted on the same address: run on the embedded infrastructure");
		User owner = newUser();
		List<String> ids = new ArrayList<>();
		infrastructure.stopKafka();
		try {
			try (ExecutorService executor = Executors.newFixedThreadPool(16)) {
				List<Future<Response>> creations = new ArrayList<>();
				for (int i = 0; i < 1_000; i++) {
					String title = "offline " + i;
					creations.add(executor.submit(() -> post("/api/tasks", Map.of("title", title), owner.token())));
				}
				for (int i = 0; i < 20; i++) {
					Response rejected = post("/api/tasks", Map.of("title", "", "priority", "LOW"), owner.token());
					assertThat(rejected.status()).isEqualTo(400);
				}
				for (Future<Response> creation : creations) {
					Response created = creation.get();
					assertThat(created.status()).as(created.raw()).isEqualTo(201);
					ids.add(created.body().get("id").asString());
				}
			}
			Response stale = patch("/api/tasks/" + ids.getFirst(), Map.of("title", "late"), owner.token(), "If-Match",
					"\"7\"");
			assertThat(stale.status()).isEqualTo(412);
			assertThat(get("/api/tasks/" + ids.getFirst(), newUser().token()).status()).isEqualTo(404);
			assertThat(tasksWithPendingEvents(owner)).isEqualTo(1_000);
		}
		finally {
			infrastructure.startKafka();
		}

		await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(tasksWithPendingEvents(owner)).isZero());
		List<JsonNode> events = readTopic((event) -> owner.id().equals(event.get("data").get("ownerId").asString()));
		assertThat(events)
			.allSatisfy((event) -> assertThat(event.get("type").asString()).isEqualTo("taskflow.task.TaskCreated.v1"));
		assertThat(events).hasSize(1_000);
		assertThat(events.stream().map((event) -> event.get("subject").asString()).distinct())
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void eventsWrittenBeforeTheServiceStoppedArePublishedAfterItRestarts() {
		String database = "taskflow-task-restart-" + UUID.randomUUID();
		User owner = newUser();
		List<String> ids = new ArrayList<>();
		// the relay runs once at startup, then not for an hour: the service "dies" with
		// its events written but unpublished
		try (ConfigurableApplicationContext first = start(database, "1h")) {
			for (int i = 0; i < 5; i++) {
				Response created = sendTo(first, "/api/tasks", Map.of("title", "before the crash " + i), owner);
				assertThat(created.status()).isEqualTo(201);
				ids.add(created.body().get("id").asString());
			}
		}
		assertThat(readTopic((event) -> owner.id().equals(event.get("data").get("ownerId").asString()))).isEmpty();

		try (ConfigurableApplicationContext second = start(database, "100ms")) {
			assertThat(second.isActive()).isTrue();
			List<JsonNode> events = awaitEvents(
					(event) -> owner.id().equals(event.get("data").get("ownerId").asString()),
					(matched) -> matched.size() >= ids.size(), Duration.ofSeconds(60));
			assertThat(events).extracting((event) -> event.get("subject").asString())
				.containsExactlyInAnyOrderElementsOf(ids);
		}
	}

	private ConfigurableApplicationContext start(String database, String relayInterval) {
		return new SpringApplicationBuilder(TaskServiceApplication.class)
			.initializers(new InfrastructureInitializer(), new TestIssuer.Initializer(),
					new UserServiceStub.Initializer())
			.run("--server.port=0", "--spring.mongodb.database=" + database,
					"--taskflow.outbox.interval=" + relayInterval,
					// not in the shared consumer group: its records belong to the main
					// test database
					"--spring.kafka.listener.auto-startup=false");
	}

	private Response sendTo(ConfigurableApplicationContext context, String path, Object body, User user) {
		int original = this.port;
		this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness", null).status() == 200);
			return post(path, body, user.token());
		}
		finally {
			this.port = original;
		}
	}

	private List<Document> outbox(String taskId) {
		Document task = this.mongo.findById(taskId, Document.class, "tasks").block(Duration.ofSeconds(5));
		return task.getList("outbox", Document.class, List.of());
	}

	private long tasksWithPendingEvents(User owner) {
		return this.mongo
			.count(new Query(Criteria.where("ownerId").is(owner.id()).and("outbox.0").exists(true)), "tasks")
			.block(Duration.ofSeconds(10));
	}

}
