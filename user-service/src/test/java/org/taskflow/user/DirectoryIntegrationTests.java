package org.taskflow.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding people: the assignee picker's prefix search (minimal fields, active people
 * only) and the administrators' paged list.
 */
class DirectoryIntegrationTests extends UserIntegrationTests {

	@Test
	void searchMatchesNameWordsCaseInsensitivelyWithMinimalFields() {
		String family = uniqueWord();
		Person ada = register("Ada " + family);
		Person alan = register("Alan " + family + "-Smith");
		Person searcher = register("Searcher");

		JsonNode byFamily = search(family.toUpperCase(), searcher.token());
		assertThat(ids(byFamily)).containsExactlyInAnyOrder(ada.id(), alan.id());
		byFamily.forEach(
				(user) -> assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "displayName", "avatarUrl"));

		assertThat(ids(search("ada " + family.substring(0, 3), searcher.token()))).containsExactly(ada.id());
		// the middle of a name matches nothing: prefixes only
		assertThat(ids(search(family.substring(2, 8), searcher.token()))).isEmpty();
		// regular-expression characters are literal
		assertThat(search(".*", searcher.token())).isEmpty();
		assertThat(search(family.substring(0, 2) + "[", searcher.token())).isEmpty();
	}

	/**
	 * An outside probe recovered addresses one character at a time from prefix matches.
	 * No part of an address finds anyone, whatever its case; only the whole address does,
	 * and only then does the result show it.
	 */
	@Test
	void emailPrefixesRevealNothingAndOnlyTheWholeAddressFindsItsOwner() {
		Person grace = register("Grace " + uniqueWord());
		Person searcher = register("Searcher");
		String address = grace.email();
		for (int end = 2; end < address.length(); end++) {
			String prefix = address.substring(0, end);
			assertThat(search(prefix, searcher.token())).as(prefix)
				.noneSatisfy((user) -> assertThat(user.get("id").asString()).isEqualTo(grace.id()))
				.allSatisfy((user) -> assertThat(user.has("email")).isFalse());
		}
		assertThat(search(address.substring(address.indexOf('@')), searcher.token())).isEmpty();

		JsonNode exact = search(address.toUpperCase(), searcher.token());
		assertThat(ids(exact)).containsExactly(grace.id());
		assertThat(exact.get(0).get("email").asString()).isEqualTo(address);
		assertThat(exact.get(0).get("displayName").asString()).isEqualTo(grace.displayName());
	}

	@Test
	void aNameThatLooksLikeSomeonesAddressDoesNotShowItsOwnersAddress() {
		Person grace = register("Grace " + uniqueWord());
		Person impostor = register(grace.email());
		Person searcher = register("Searcher");

		JsonNode found = search(grace.email(), searcher.token());
		assertThat(ids(found)).containsExactly(grace.id()).doesNotContain(impostor.id());
		assertThat(search(grace.email().substring(0, 12), searcher.token())).isEmpty();
	}

	@Test
	void searchLeavesOutDisabledAndDeletedPeople() {
		String family = uniqueWord();
		Person active = register("Active " + family);
		Person disabled = register("Disabled " + family);
		Person deleted = register("Deleted " + family);
		send(AUTH_TOPIC, disabled.id(), userDisabled(disabled.id()));
		assertThat(delete("/api/users/me", deleted.token()).status()).isEqualTo(204);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ids(search(family, active.token()))).containsExactly(active.id()));
	}

	@Test
	void searchNeedsTwoCharactersAndReturnsAtMostTwenty() {
		Person searcher = register("Searcher");
		assertThat(get("/api/users/search?q=a", searcher.token()).status()).isEqualTo(400);
		assertThat(get("/api/users/search?q=%20a%20", searcher.token()).status()).isEqualTo(400);
		assertThat(get("/api/users/search", searcher.token()).status()).isEqualTo(400);
		assertThat(get("/api/users/search?q=" + "x".repeat(101), searcher.token()).status()).isEqualTo(400);
		assertThat(get("/api/users/search?q=ab", null).status()).isEqualTo(401);

		String family = uniqueWord();
		for (int i = 0; i < 21; i++) {
			send(AUTH_TOPIC, "many-" + i, userRegistered(UUID.randomUUID().toString(), "user-" + UUID.randomUUID(),
					UUID.randomUUID() + "@example.com", "Person " + family));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(search(family, searcher.token())).hasSize(20));
	}

	@Test
	void administratorsPageThroughEveryoneAndOthersMayNot() {
		List<String> registered = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			registered.add(register("Listed Person " + i).id());
		}
		String admin = TestIssuer.user("admin-" + UUID.randomUUID(), "USER", "ADMIN");

		Set<String> seen = new HashSet<>();
		List<String> order = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Response page = get("/api/users?size=2" + ((cursor != null) ? "&cursor=" + cursor : ""), admin);
			assertThat(page.status()).as(page.raw()).isEqualTo(200);
			JsonNode items = page.json().get("items");
			assertThat(items.size()).isLessThanOrEqualTo(2);
			items.forEach((user) -> {
				assertThat(seen.add(user.get("id").asString())).as("each user once").isTrue();
				order.add(user.get("id").asString());
			});
			JsonNode next = page.json().get("nextCursor");
			cursor = (next == null || next.isNull()) ? null : next.asString();
			pages++;
		}
		while (cursor != null && pages < 1000);
		assertThat(seen).containsAll(registered);
		assertThat(order).isSorted();

		Person person = register("Not An Admin");
		Response forbidden = get("/api/users", person.token());
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.problemType()).isEqualTo("urn:taskflow:problem:forbidden");
		assertThat(get("/api/users", TestIssuer.service("task-service", "users.read")).status()).isEqualTo(403);
		assertThat(get("/api/users", null).status()).isEqualTo(401);
		assertThat(get("/api/users?size=0", admin).status()).isEqualTo(400);
		assertThat(get("/api/users?size=101", admin).status()).isEqualTo(400);
		assertThat(get("/api/users?size=lots", admin).status()).isEqualTo(400);
		Response badCursor = get("/api/users?cursor=%25%25not-a-cursor", admin);
		assertThat(badCursor.status()).as(badCursor.raw()).isEqualTo(400);
		assertThat(badCursor.problemType()).isEqualTo("urn:taskflow:problem:invalid-parameter");
	}

	private JsonNode search(String q, String token) {
		Response response = get(
				"/api/users/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), token);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode users) {
		List<String> ids = new ArrayList<>();
		users.forEach((user) -> ids.add(user.get("id").asString()));
		return ids;
	}

	/** Letters only, so it is one word that no other test's people share. */
	private static String uniqueWord() {
		StringBuilder word = new StringBuilder("Zq");
		UUID.randomUUID()
			.toString()
			.chars()
			.filter(Character::isLetterOrDigit)
			.limit(10)
			.forEach((c) -> word.append((char) ('a' + (c % 26))));
		return word.toString();
	}

}
