package org.taskflow.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TaskApiIntegrationTests extends TaskIntegrationTests {

	@Test
	void createsATaskWithDefaultsLocationAndETag() {
		User owner = newUser();
		Response created = post("/api/tasks", Map.of("title", "  Write the report ", "description", "**Bold** plan",
				"tags", List.of("Work", "work", "q3")), owner.token());

		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		JsonNode task = created.body();
		String id = task.get("id").asString();
		assertThat(created.headers().firstValue("location")).hasValue("/api/tasks/" + id);
		assertThat(created.etag()).isEqualTo("\"0\"");
		assertThat(task.get("title").asString()).isEqualTo("Write the report");
		assertThat(task.get("status").asString()).isEqualTo("TODO");
		assertThat(task.get("priority").asString()).isEqualTo("MEDIUM");
		assertThat(task.get("ownerId").asString()).isEqualTo(owner.id());
		assertThat(task.get("tags").valueStream().map(JsonNode::asString)).containsExactly("work", "q3");
		assertThat(task.get("completedAt").isNull()).isTrue();
		assertThat(task.get("version").asLong()).isZero();

		Response read = get("/api/tasks/" + id, owner.token());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.etag()).isEqualTo("\"0\"");
		assertThat(read.body().get("description").asString()).isEqualTo("**Bold** plan");
		assertThat(get("/api/tasks/" + id, owner.token(), "If-None-Match", "\"0\"").status()).isEqualTo(304);
	}

	@Test
	void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameTask() {
		User owner = newUser();
		String key = UUID.randomUUID().toString();
		Response first = post("/api/tasks", Map.of("title", "once"), owner.token(), "Idempotency-Key", key);
		Response retry = post("/api/tasks", Map.of("title", "once"), owner.token(), "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
		assertThat(retry.headers().firstValue("idempotent-replayed")).hasValue("true");
		assertThat(
				post("/api/tasks", Map.of("title", "other body"), owner.token(), "Idempotency-Key", key).problemType())
			.isEqualTo("urn:taskflow:problem:idempotency-key-reused");

		User someoneElse = newUser();
		Response theirs = post("/api/tasks", Map.of("title", "once"), someoneElse.token(), "Idempotency-Key", key);
		assertThat(theirs.status()).isEqualTo(201);
		assertThat(theirs.body().get("id").asString()).isNotEqualTo(first.body().get("id").asString());
		assertThat(post("/api/tasks", Map.of("title", "x"), owner.token(), "Idempotency-Key", "bad key\u00e9").status())
			.isEqualTo(400);
	}

	@Test
	void concurrentRetriesWithOneIdempotencyKeyCreateOneTask() {
		User owner = newUser();
		String key = UUID.randomUUID().toString();
		List<String> ids = java.util.stream.IntStream.range(0, 8)
			.parallel()
			.mapToObj((i) -> post("/api/tasks", Map.of("title", "race"), owner.token(), "Idempotency-Key", key))
			.peek((response) -> assertThat(response.status()).as(response.raw()).isEqualTo(201))
			.map((response) -> response.body().get("id").asString())
			.distinct()
			.toList();
		assertThat(ids).hasSize(1);
	}

	@Test
	void ifMatchGuardsUpdatesAndPutRequiresIt() {
		User owner = newUser();
		String id = createTask(owner, "versioned").get("id").asString();
		Map<String, Object> full = Map.of("title", "replaced", "priority", "HIGH");

		Response noPrecondition = put("/api/tasks/" + id, full, owner.token());
		assertThat(noPrecondition.status()).isEqualTo(428);
		assertThat(noPrecondition.problemType()).isEqualTo("urn:taskflow:problem:if-match-required");

		Response replaced = put("/api/tasks/" + id, full, owner.token(), "If-Match", "\"0\"");
		assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
		assertThat(replaced.etag()).isEqualTo("\"1\"");
		assertThat(replaced.body().get("priority").asString()).isEqualTo("HIGH");

		Response stale = patch("/api/tasks/" + id, Map.of("title", "late"), owner.token(), "If-Match", "\"0\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.problemType()).isEqualTo("urn:taskflow:problem:stale-version");
		assertThat(put("/api/tasks/" + id, full, owner.token(), "If-Match", "W/\"1\"").status()).isEqualTo(412);
		assertThat(delete("/api/tasks/" + id, owner.token(), "If-Match", "\"0\"").status()).isEqualTo(412);

		Response current = patch("/api/tasks/" + id, Map.of("title", "now"), owner.token(), "If-Match", "\"1\"");
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.etag()).isEqualTo("\"2\"");
		assertThat(patch("/api/tasks/" + id, Map.of("title", "any"), owner.token(), "If-Match", "*").status())
			.isEqualTo(200);
	}

	@Test
	void mergePatchChangesNamedFieldsAndNullClears() {
		User owner = newUser();
		String id = createTask(owner,
				Map.of("title", "patch me", "description", "keep", "dueDate", "2030-01-31", "tags", List.of("a")))
			.get("id")
			.asString();

		Map<String, Object> clear = new HashMap<>();
		clear.put("tags", null);
		clear.put("dueDate", null);
		clear.put("priority", "URGENT");
		Response patched = patch("/api/tasks/" + id, clear, owner.token());
		assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
		assertThat(patched.body().get("description").asString()).isEqualTo("keep");
		assertThat(patched.body().get("title").asString()).isEqualTo("patch me");
		assertThat(patched.body().get("priority").asString()).isEqualTo("URGENT");
		assertThat(patched.body().get("tags")).isEmpty();
		assertThat(patched.body().get("dueDate").isNull()).isTrue();

		Map<String, Object> clearTitle = new HashMap<>();
		clearTitle.put("title", null);
		Response invalid = patch("/api/tasks/" + id, clearTitle, owner.token());
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.problemType()).isEqualTo("urn:taskflow:problem:validation");
		assertThat(invalid.body().get("errors").get(0).get("field").asString()).isEqualTo("title");

		Response unknown = patch("/api/tasks/" + id, Map.of("ownerId", "me-now"), owner.token());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("ownerId");

		Response unchanged = patch("/api/tasks/" + id, Map.of("priority", "URGENT"), owner.token());
		assertThat(unchanged.etag()).isEqualTo(patched.etag());
	}

	@Test
	void completingStampsCompletedAtAndReopeningClearsIt() {
		User owner = newUser();
		String id = createTask(owner, "finish").get("id").asString();
		JsonNode done = patch("/api/tasks/" + id, Map.of("status", "DONE"), owner.token()).body();
		assertThat(done.get("completedAt").isNull()).isFalse();
		JsonNode reopened = patch("/api/tasks/" + id, Map.of("status", "IN_PROGRESS"), owner.token()).body();
		assertThat(reopened.get("completedAt").isNull()).isTrue();
	}

	@Test
	void deleteMovesToTheTrashAndRestoreBringsItBack() {
		User owner = newUser();
		String id = createTask(owner, "trash me").get("id").asString();

		assertThat(delete("/api/tasks/" + id, owner.token()).status()).isEqualTo(204);
		assertThat(delete("/api/tasks/" + id, owner.token()).status()).isEqualTo(204);
		Response trashed = get("/api/tasks/" + id, owner.token());
		assertThat(trashed.body().get("deletedAt").isNull()).isFalse();
		assertThat(patch("/api/tasks/" + id, Map.of("title", "edit"), owner.token()).problemType())
			.isEqualTo("urn:taskflow:problem:task-in-trash");

		Response restored = post("/api/tasks/" + id + "/restore", "", owner.token());
		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.body().get("deletedAt").isNull()).isTrue();
		assertThat(restored.body().get("version").asLong()).isEqualTo(2);
	}

	@Test
	void mustNotAcceptFieldsTheClientDoesNotOwn() {
		User owner = newUser();
		Response response = post("/api/tasks",
				Map.of("title", "mine", "ownerId", "someone-else", "version", 7, "id", "chosen"), owner.token());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.problemType()).isEqualTo("urn:taskflow:problem:malformed-body");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "[]", "\"text\"", "{\"title\": 5}", "{\"title\":\"x\",\"status\":\"SOMEDAY\"}",
			"{\"title\":\"x\",\"priority\":[1]}", "{\"title\":\"x\",\"dueDate\":\"31/01/2030\"}",
			"{\"title\":\"x\",\"dueAt\":\"tomorrow\"}", "{\"title\":\"\"}",
			"{\"title\":\"x\",\"tags\":[\"no spaces\"]}", "{\"title\":\"x\",\"tags\":[null]}",
			"{\"title\":\"x\",\"assigneeIds\":\"one\"}",
			"{\"title\":\"x\",\"dueDate\":\"2030-01-01\",\"dueAt\":\"2030-01-01T10:00:00Z\"}",
			"{\"title\":\"x\",\"dueAt\":\"2030-01-01T10:00:00Z\",\"dueZone\":\"Mars/Olympus\"}",
			"{\"title\":\"x\",\"dueZone\":\"Europe/Paris\"}", "null", "" })
	void rejectsMalformedOrInvalidBodiesWith400(String body) {
		User owner = newUser();
		Response response = post("/api/tasks", body, owner.token());
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.problemType()).startsWith("urn:taskflow:problem:");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"title\": 5}", "{\"status\": \"SOMEDAY\"}", "{\"tags\": \"a\"}",
			"{\"dueAt\": \"soon\"}", "[]", "{", "{\"version\": 9}", "{\"description\": true}" })
	void rejectsMalformedOrInvalidPatchesWith400(String body) {
		User owner = newUser();
		String id = createTask(owner, "patch target").get("id").asString();
		Response response = patch("/api/tasks/" + id, body, owner.token());
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.problemType()).startsWith("urn:taskflow:problem:");
		assertThat(get("/api/tasks/" + id, owner.token()).body().get("version").asLong()).isZero();
	}

	@Test
	void rejectsHugeStringsWithAClientError() {
		User owner = newUser();
		Response longTitle = post("/api/tasks", Map.of("title", "x".repeat(201)), owner.token());
		assertThat(longTitle.status()).isEqualTo(400);
		assertThat(longTitle.body().get("errors").get(0).get("field").asString()).isEqualTo("title");
		Response huge = post("/api/tasks", Map.of("title", "x", "description", "y".repeat(2_000_000)), owner.token());
		assertThat(huge.status()).as(huge.raw()).isBetween(400, 499);
	}

	@Test
	void badIdsAndUnknownRoutesAreClientErrors() {
		User owner = newUser();
		assertThat(get("/api/tasks/not-a-task", owner.token()).status()).isEqualTo(404);
		assertThat(get("/api/tasks/%20%00", owner.token()).status()).isBetween(400, 404);
		assertThat(patch("/api/tasks/nope", "[1]", owner.token()).status()).isBetween(400, 404);
		Response trace = send("TRACE", "/api/tasks", null, owner.token());
		assertThat(trace.status()).isEqualTo(400);
		assertThat(trace.problemType()).isEqualTo("urn:taskflow:problem:rejected-request");
	}

	/**
	 * On Reactor Netty 1.3.6 the request after one the firewall refused with an empty 400
	 * went unanswered about once in a hundred times (reproduced with 1,200 requests).
	 */
	@Test
	void aRequestTheFirewallRefusesDoesNotStallTheNextOne() {
		User owner = newUser();
		for (int i = 0; i < 200; i++) {
			assertThat(send("TRACE", "/api/tasks", null, owner.token()).status()).isEqualTo(400);
			assertThat(get("/api/tasks/x", owner.token()).status()).isEqualTo(404);
		}
	}

	@Test
	void needsAPersonsValidToken() {
		assertThat(get("/api/tasks/x", null).status()).isEqualTo(401);
		assertThat(get("/api/tasks/x", org.taskflow.testsupport.TestIssuer.expired("u")).status()).isEqualTo(401);
		assertThat(get("/api/tasks/x", org.taskflow.testsupport.TestIssuer.forged("u")).status()).isEqualTo(401);
		assertThat(
				get("/api/tasks/x", org.taskflow.testsupport.TestIssuer.service("user-service", "users.read")).status())
			.isEqualTo(403);
	}

}
