package org.taskflow.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListIntegrationTests extends TaskIntegrationTests {

	@Test
	void pagesWithAnOpaqueCursorThatStaysStableWhileTasksAreAdded() {
		User owner = newUser();
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 25; i++) {
			created.add(createTask(owner, "task " + i).get("id").asString());
		}
		List<String> seen = new ArrayList<>();
		Response first = get("/api/tasks?limit=10", owner.token());
		assertThat(first.status()).isEqualTo(200);
		seen.addAll(ids(first));
		assertThat(seen).hasSize(10);
		String cursor = first.body().get("nextCursor").asString();
		assertThat(cursor).matches("[A-Za-z0-9_-]+");

		createTask(owner, "added meanwhile");
		createTask(owner, "added meanwhile too");

		Response second = get("/api/tasks?limit=10&cursor=" + cursor, owner.token());
		seen.addAll(ids(second));
		Response third = get("/api/tasks?limit=10&cursor=" + second.body().get("nextCursor").asString(), owner.token());
		seen.addAll(ids(third));
		assertThat(third.body().get("nextCursor").isNull()).isTrue();
		assertThat(seen).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void sortsByPriorityDueAndUpdatedInEitherDirection() {
		User owner = newUser();
		String low = createTask(owner, Map.of("title", "low", "priority", "LOW", "dueDate", "2030-03-01")).get("id")
			.asString();
		String urgent = createTask(owner, Map.of("title", "urgent", "priority", "URGENT", "dueAt",
				"2030-01-01T08:00:00Z", "dueZone", "Europe/Berlin"))
			.get("id")
			.asString();
		String undated = createTask(owner, Map.of("title", "undated", "priority", "HIGH")).get("id").asString();
		String medium = createTask(owner, Map.of("title", "medium", "dueDate", "2030-02-01")).get("id").asString();

		assertThat(ids(get("/api/tasks?sort=priority", owner.token()))).containsExactly(urgent, undated, medium, low);
		assertThat(ids(get("/api/tasks?sort=priority&order=asc", owner.token()))).containsExactly(low, medium, undated,
				urgent);
		assertThat(ids(get("/api/tasks?sort=due", owner.token()))).containsExactly(urgent, medium, low, undated);
		assertThat(ids(get("/api/tasks?sort=due&order=desc", owner.token()))).containsExactly(undated, low, medium,
				urgent);
		patch("/api/tasks/" + low, Map.of("title", "low, touched"), owner.token());
		assertThat(ids(get("/api/tasks?sort=updated", owner.token())).getFirst()).isEqualTo(low);

		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			Response page = get("/api/tasks?sort=due&limit=1" + ((cursor != null) ? "&cursor=" + cursor : ""),
					owner.token());
			paged.addAll(ids(page));
			cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(paged).containsExactly(urgent, medium, low, undated);
	}

	@Test
	void filtersCombineAndEmptyValuesNeverMatchAFilter() {
		User owner = newUser();
		User helper = newUser();
		String tagged = createTask(owner, Map.of("title", "tagged", "tags", List.of("Home", "garden"))).get("id")
			.asString();
		String untagged = createTask(owner, "untagged").get("id").asString();
		String assigned = createTask(owner, Map.of("title", "assigned", "assigneeIds", List.of(helper.id()), "priority",
				"HIGH", "status", "IN_PROGRESS"))
			.get("id")
			.asString();
		String overdue = createTask(owner, Map.of("title", "late", "dueDate", "2020-01-01")).get("id").asString();
		String doneLate = createTask(owner, Map.of("title", "done late", "dueDate", "2020-01-02", "status", "DONE"))
			.get("id")
			.asString();
		String future = createTask(owner, Map.of("title", "future", "dueAt", "2040-01-01T00:00:00Z")).get("id")
			.asString();
		String trashed = createTask(owner, "trashed").get("id").asString();
		delete("/api/tasks/" + trashed, owner.token());

		assertThat(ids(get("/api/tasks?tag=home", owner.token()))).containsExactly(tagged);
		assertThat(ids(get("/api/tasks?tag=home&tag=garden", owner.token()))).containsExactly(tagged);
		assertThat(ids(get("/api/tasks?tag=home&tag=work", owner.token()))).isEmpty();
		assertThat(ids(get("/api/tasks?assignee=" + helper.id(), owner.token()))).containsExactly(assigned);
		assertThat(ids(get("/api/tasks?status=IN_PROGRESS,DONE", owner.token()))).containsExactlyInAnyOrder(assigned,
				doneLate);
		assertThat(ids(get("/api/tasks?priority=HIGH", owner.token()))).containsExactly(assigned);
		assertThat(ids(get("/api/tasks?overdue=true", owner.token()))).containsExactly(overdue);
		assertThat(ids(get("/api/tasks?overdue=false", owner.token()))).containsExactlyInAnyOrder(tagged, untagged,
				assigned, doneLate, future);
		assertThat(ids(get("/api/tasks?dueBefore=2020-01-02", owner.token()))).containsExactly(overdue);
		assertThat(ids(get("/api/tasks?dueAfter=2020-01-02&dueBefore=2040-01-01T00:00:01Z", owner.token())))
			.containsExactlyInAnyOrder(doneLate, future);
		assertThat(ids(get("/api/tasks?deleted=true", owner.token()))).containsExactly(trashed);
		assertThat(ids(get("/api/tasks", owner.token()))).doesNotContain(trashed).hasSize(6);

		assertThat(ids(get("/api/tasks", helper.token()))).containsExactly(assigned);
		assertThat(ids(get("/api/tasks?deleted=true", helper.token()))).isEmpty();
		assertThat(ids(get("/api/tasks", newUser().token()))).isEmpty();
	}

	@Test
	void searchesTitleAndDescriptionWordsWithAPrefixOnTheLastOne() {
		User owner = newUser();
		String report = createTask(owner,
				Map.of("title", "Quarterly REPORT", "description", "Send to the *café* owners before Friday"))
			.get("id")
			.asString();
		String other = createTask(owner, Map.of("title", "Reporting tools", "description", "evaluate")).get("id")
			.asString();

		assertThat(ids(get("/api/tasks?q=quarterly%20report", owner.token()))).containsExactly(report);
		assertThat(ids(get("/api/tasks?q=repo", owner.token()))).containsExactlyInAnyOrder(report, other);
		assertThat(ids(get("/api/tasks?q=cafe%20own", owner.token()))).containsExactly(report);
		assertThat(ids(get("/api/tasks?q=report%20evaluate", owner.token()))).isEmpty();
		assertThat(ids(get("/api/tasks?q=friday%20quart", owner.token()))).containsExactly(report);
		assertThat(ids(get("/api/tasks?q=quarterly", newUser().token()))).isEmpty();
	}

	@Test
	void sparseFieldsetsReturnOnlyTheNamedFieldsAndTheId() {
		User owner = newUser();
		createTask(owner, Map.of("title", "sparse", "description", "not wanted"));
		JsonNode item = get("/api/tasks?fields=title,status", owner.token()).body().get("items").get(0);
		assertThat(item.propertyNames()).containsExactlyInAnyOrder("id", "title", "status");
		Response unknown = get("/api/tasks?fields=title,secret", owner.token());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).isEqualTo("urn:taskflow:problem:invalid-parameter");
	}

	@Test
	void cursorsOfAnotherSortOrForgedOnesAre400() {
		User owner = newUser();
		createTask(owner, "one");
		createTask(owner, "two");
		String cursor = get("/api/tasks?limit=1", owner.token()).body().get("nextCursor").asString();
		Response otherSort = get("/api/tasks?sort=due&cursor=" + cursor, owner.token());
		assertThat(otherSort.status()).isEqualTo(400);
		assertThat(otherSort.problemType()).isEqualTo("urn:taskflow:problem:invalid-cursor");
	}

	@ParameterizedTest
	@ValueSource(strings = { "cursor=%25%25%25", "cursor=bm90IGEgY3Vyc29y", "cursor=MQpjcmVhdGVkOmRlc2MKeAp5",
			"limit=0", "limit=101", "limit=ten", "status=SOMEDAY", "priority=low,", "sort=colour", "order=up",
			"dueBefore=yesterday", "dueAfter=2030-13-01", "overdue=maybe", "deleted=perhaps", "fields=,",
			"q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k" })
	void badListParametersAre400Problems(String parameter) {
		Response response = get("/api/tasks?" + parameter, newUser().token());
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.problemType()).startsWith("urn:taskflow:problem:");
	}

	@Test
	void statsCountLiveTasksByStatusAndOverdue() {
		User owner = newUser();
		createTask(owner, "todo");
		createTask(owner, Map.of("title", "late", "dueDate", "2020-01-01"));
		createTask(owner, Map.of("title", "doing", "status", "IN_PROGRESS"));
		createTask(owner, Map.of("title", "done", "status", "DONE", "dueDate", "2020-01-01"));
		delete("/api/tasks/" + createTask(owner, "gone").get("id").asString(), owner.token());

		JsonNode stats = get("/api/tasks/stats", owner.token()).body();
		assertThat(stats.get("byStatus").get("TODO").asLong()).isEqualTo(2);
		assertThat(stats.get("byStatus").get("IN_PROGRESS").asLong()).isEqualTo(1);
		assertThat(stats.get("byStatus").get("DONE").asLong()).isEqualTo(1);
		assertThat(stats.get("total").asLong()).isEqualTo(4);
		assertThat(stats.get("overdue").asLong()).isEqualTo(1);
		assertThat(stats.get("inTrash").asLong()).isEqualTo(1);
		assertThat(get("/api/tasks/stats", newUser().token()).body().get("total").asLong()).isZero();
	}

	private static List<String> ids(Response response) {
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body().get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

}
