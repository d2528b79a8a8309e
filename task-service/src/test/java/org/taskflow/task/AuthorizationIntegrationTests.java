package org.taskflow.task;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level authorisation: every route on one task, by its owner, an assignee and a
 * stranger.
 */
class AuthorizationIntegrationTests extends TaskIntegrationTests {

	static Stream<Arguments> routes() {
		return Stream.of(Arguments.of("GET", "", null, 200, 200),
				Arguments.of("PUT", "", Map.of("title", "taken over"), 200, 403),
				Arguments.of("PATCH", "", Map.of("title", "renamed"), 200, 403),
				Arguments.of("PATCH", "", Map.of("status", "IN_PROGRESS"), 200, 200),
				Arguments.of("DELETE", "", null, 204, 403), Arguments.of("POST", "/restore", "", 200, 403));
	}

	@ParameterizedTest(name = "{0} /api/tasks/'{id}'{1} {2}")
	@MethodSource("routes")
	void aStrangerGets404AndChangesNothingOnEveryRoute(String method, String suffix, Object body, int owner,
			int assignee) {
		User theOwner = newUser();
		User stranger = newUser();
		String id = createTask(theOwner, "private").get("id").asString();

		Response response = call(method, "/api/tasks/" + id + suffix, body, stranger);

		assertThat(response.status()).as(response.raw()).isEqualTo(404);
		assertThat(response.problemType()).isEqualTo("urn:taskflow:problem:task-not-found");
		JsonNode unchanged = get("/api/tasks/" + id, theOwner.token()).body();
		assertThat(unchanged.get("version").asLong()).isZero();
		assertThat(unchanged.get("title").asString()).isEqualTo("private");
		assertThat(unchanged.get("deletedAt").isNull()).isTrue();
	}

	@ParameterizedTest(name = "{0} /api/tasks/'{id}'{1} {2}")
	@MethodSource("routes")
	void anAssigneeReadsAndChangesTheStatusOnlyAndTheOwnerDoesEverything(String method, String suffix, Object body,
			int owner, int assignee) {
		User theOwner = newUser();
		User helper = newUser();
		String id = createTask(theOwner, Map.of("title", "shared", "assigneeIds", List.of(helper.id()))).get("id")
			.asString();

		Response asAssignee = call(method, "/api/tasks/" + id + suffix, body, helper);
		assertThat(asAssignee.status()).as(asAssignee.raw()).isEqualTo(assignee);
		if (assignee == 403) {
			assertThat(get("/api/tasks/" + id, theOwner.token()).body().get("version").asLong()).isZero();
		}

		Response asOwner = call(method, "/api/tasks/" + id + suffix, body, theOwner);
		assertThat(asOwner.status()).as(asOwner.raw()).isEqualTo(owner);
	}

	@Test
	void anAssigneeDoesNotSeeATaskInTheTrash() {
		User theOwner = newUser();
		User helper = newUser();
		String id = createTask(theOwner, Map.of("title", "shared", "assigneeIds", List.of(helper.id()))).get("id")
			.asString();
		assertThat(delete("/api/tasks/" + id, theOwner.token()).status()).isEqualTo(204);
		assertThat(get("/api/tasks/" + id, helper.token()).status()).isEqualTo(404);
		assertThat(get("/api/tasks/" + id, theOwner.token()).status()).isEqualTo(200);
	}

	@Test
	void anIdempotencyKeyNeverReturnsAnotherOwnersTask() {
		User first = newUser();
		User second = newUser();
		Response mine = post("/api/tasks", Map.of("title", "same"), first.token(), "Idempotency-Key", "shared-key");
		Response theirs = post("/api/tasks", Map.of("title", "same"), second.token(), "Idempotency-Key", "shared-key");
		assertThat(theirs.body().get("ownerId").asString()).isEqualTo(second.id());
		assertThat(theirs.body().get("id").asString()).isNotEqualTo(mine.body().get("id").asString());
	}

	private Response call(String method, String path, Object body, User user) {
		if (method.equals("PATCH")) {
			return patch(path, body, user.token());
		}
		if (method.equals("PUT")) {
			return put(path, body, user.token(), "If-Match", "\"0\"");
		}
		return send(method, path, body, user.token());
	}

}
