package org.taskflow.task;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Assigning asks user-service, with task-service's own token, behind a circuit breaker.
 */
class AssigneeIntegrationTests extends TaskIntegrationTests {

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeEach
	@AfterEach
	void userServiceUp() {
		UserServiceStub.mode(UserServiceStub.Mode.UP);
		// find, not circuitBreaker(name): run first, that would create the breaker
		// with the registry's defaults, and task-service's own settings (five calls
		// open it) would never apply
		this.breakers.find("user-service").ifPresent(CircuitBreaker::reset);
	}

	@Test
	void assignsKnownActiveUsersWithTaskServicesOwnClientCredentialsToken() {
		User owner = newUser();
		User helper = newUser();
		Response created = post("/api/tasks", Map.of("title", "help me", "assigneeIds", List.of(helper.id())),
				owner.token());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);

		String authorization = UserServiceStub.lastAuthorization();
		assertThat(authorization).startsWith("Bearer ").doesNotContain(owner.token());
		JsonNode claims = this.json.readTree(new String(
				Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]), StandardCharsets.UTF_8));
		assertThat(claims.get("sub").asString()).isEqualTo("task-service");
		assertThat(claims.get("scope").toString()).contains("users.read");
	}

	@Test
	void unknownOrInactiveAssigneesAre422AndNothingIsWritten() {
		User owner = newUser();
		String inactive = "user-" + UUID.randomUUID();
		UserServiceStub.register(inactive, false);
		String unknown = "user-" + UUID.randomUUID();

		Response refused = post("/api/tasks", Map.of("title", "nobody", "assigneeIds", List.of(unknown, inactive)),
				owner.token());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("urn:taskflow:problem:unknown-assignee");
		assertThat(refused.body().get("assigneeIds").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder(unknown, inactive);
		assertThat(get("/api/tasks", owner.token()).body().get("items")).isEmpty();

		String id = createTask(owner, "later").get("id").asString();
		Response patched = patch("/api/tasks/" + id, Map.of("assigneeIds", List.of(unknown)), owner.token());
		assertThat(patched.status()).isEqualTo(422);
		assertThat(get("/api/tasks/" + id, owner.token()).body().get("version").asLong()).isZero();
	}

	@Test
	void whenUserServiceIsDownAssigningFailsFastWith503AndRetryAfterAndRecovers() {
		User owner = newUser();
		User helper = newUser();
		String id = createTask(owner, "assign me").get("id").asString();
		UserServiceStub.mode(UserServiceStub.Mode.FAILING);

		for (int i = 0; i < 6; i++) {
			Response refused = patch("/api/tasks/" + id, Map.of("assigneeIds", List.of(helper.id())), owner.token());
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.problemType()).isEqualTo("urn:taskflow:problem:user-service-unavailable");
			assertThat(refused.headers().firstValue("retry-after")).isPresent();
		}
		assertThat(this.breakers.circuitBreaker("user-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		Response health = get("/actuator/health", null);
		assertThat(health.status()).as("an open circuit does not fail the health check").isEqualTo(200);
		assertThat(health.body().get("status").asString()).isEqualTo("UP");
		assertThat(health.body().at("/components/userServiceBreaker/status").asString()).isEqualTo("UNKNOWN");
		int calls = UserServiceStub.calls();
		long start = System.nanoTime();
		Response open = patch("/api/tasks/" + id, Map.of("assigneeIds", List.of(helper.id())), owner.token());
		assertThat(open.status()).isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
		assertThat(UserServiceStub.calls()).as("an open circuit does not call user-service").isEqualTo(calls);

		assertThat(patch("/api/tasks/" + id, Map.of("title", "still editable"), owner.token()).status()).isEqualTo(200);
		assertThat(createTask(owner, "created without assignees")).isNotNull();

		UserServiceStub.mode(UserServiceStub.Mode.UP);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> patch("/api/tasks/" + id, Map.of("assigneeIds", List.of(helper.id())), owner.token())
				.status() == 200);
		assertThat(get("/api/tasks/" + id, helper.token()).status()).isEqualTo(200);
	}

	@Test
	void aSlowUserServiceIsCutOffByTheTimeLimit() {
		User owner = newUser();
		User helper = newUser();
		UserServiceStub.mode(UserServiceStub.Mode.SLOW);
		long start = System.nanoTime();
		Response refused = post("/api/tasks", Map.of("title", "slow", "assigneeIds", List.of(helper.id())),
				owner.token());
		assertThat(refused.status()).isEqualTo(503);
		// two attempts of at most 1 s each, 200 ms apart (test settings), never
		// user-service's 5 s
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

}
