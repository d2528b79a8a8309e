package org.taskflow.user;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /internal/users}: for other services' client-credentials tokens only. */
class InternalLookupIntegrationTests extends UserIntegrationTests {

	private static final String SERVICE = TestIssuer.service("task-service", "users.read");

	@Test
	void aServiceGetsTheUsersThatExistAndNothingElse() {
		Person ada = register("Ada Lovelace");
		Person alan = register("Alan Turing");
		String unknown = "user-" + UUID.randomUUID();

		Response response = get("/internal/users?ids=" + ada.id() + "," + unknown + "," + alan.id(), SERVICE);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		JsonNode users = response.json();
		assertThat(users).hasSize(2);
		JsonNode first = users.valueStream().filter((u) -> u.get("id").asString().equals(ada.id())).findFirst().get();
		assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "displayName", "email", "active");
		assertThat(first.get("displayName").asString()).isEqualTo("Ada Lovelace");
		assertThat(first.get("email").asString()).isEqualTo(ada.email());
		assertThat(first.get("active").asBoolean()).isTrue();

		// repeated ids are fine
		assertThat(get("/internal/users?ids=" + ada.id() + "&ids=" + ada.id(), SERVICE).json()).hasSize(1);
	}

	@Test
	void onlyAServiceTokenWithTheScopeMayLookUp() {
		Person person = register("Somebody");
		String path = "/internal/users?ids=" + person.id();
		assertThat(get(path, null).status()).isEqualTo(401);
		Response personal = get(path, person.token());
		assertThat(personal.status()).isEqualTo(403);
		assertThat(personal.problemType()).isEqualTo("urn:taskflow:problem:forbidden");
		assertThat(get(path, TestIssuer.user(person.id(), "USER", "ADMIN")).status()).isEqualTo(403);
		assertThat(get(path, TestIssuer.service("task-service", "tasks.read")).status()).isEqualTo(403);
		assertThat(get(path, TestIssuer.forged(person.id())).status()).isEqualTo(401);
		assertThat(get(path, SERVICE).status()).isEqualTo(200);
	}

	@Test
	void rejectsMissingOrTooManyIds() {
		assertThat(get("/internal/users", SERVICE).status()).isEqualTo(400);
		assertThat(get("/internal/users?ids=", SERVICE).status()).isEqualTo(400);
		String many = IntStream.range(0, 101).mapToObj((i) -> "u" + i).collect(Collectors.joining(","));
		Response tooMany = get("/internal/users?ids=" + many, SERVICE);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.problemType()).isEqualTo("urn:taskflow:problem:invalid-parameter");
		String hundred = IntStream.range(0, 100).mapToObj((i) -> "u" + i).collect(Collectors.joining(","));
		assertThat(get("/internal/users?ids=" + hundred, SERVICE).status()).isEqualTo(200);
	}

}
