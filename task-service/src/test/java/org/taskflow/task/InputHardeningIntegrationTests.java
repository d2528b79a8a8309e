package org.taskflow.task;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text and dates a client may send but nobody should store: they are refused with a 400
 * naming the field on every way in (create, full update, merge patch, import), and
 * nothing is written.
 */
class InputHardeningIntegrationTests extends TaskIntegrationTests {

	/** JSON string contents, escaped as a client would send them. */
	@ParameterizedTest
	@ValueSource(strings = { "a\\u0000b", "line\\nbreak", "tab\\there", "bell\\u0007", "c1\\u0085", "\\u202Eevil.exe",
			"rtl\\u202Bembed", "\\u2066isolate\\u2069", "lone \\ud800 high", "lone \\udc00 low" })
	void titlesWithControlCharactersUnpairedSurrogatesOrBidiOverridesAreRefusedEverywhere(String title) {
		User owner = newUser();
		assertRefused(post("/api/tasks", "{\"title\":\"" + title + "\"}", owner.token()), "title");

		JsonNode task = createTask(owner, "fine");
		String path = "/api/tasks/" + task.get("id").asString();
		assertRefused(put(path, "{\"title\":\"" + title + "\"}", owner.token(), "If-Match", "\"0\""), "title");
		assertRefused(patch(path, "{\"title\":\"" + title + "\"}", owner.token()), "title");
		assertThat(get(path, owner.token()).body().get("title").asString()).isEqualTo("fine");
		assertThat(get(path, owner.token()).body().get("version").asLong()).isZero();

		Response imported = post("/api/tasks/import", "[{\"title\":\"" + title + "\"}]", owner.token());
		assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
		JsonNode item = imported.body().get("items").get(0);
		assertThat(item.get("status").asInt()).isEqualTo(400);
		assertThat(fields(item.get("problem"))).anySatisfy((field) -> assertThat(field).startsWith("title"));
		assertThat(get("/api/tasks", owner.token()).body().get("items")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\\u0000b", "\\u202Eevil", "\\u2067x\\u2069", "lone \\udbff" })
	void descriptionsAndTagsRefuseTheSame(String text) {
		User owner = newUser();
		assertRefused(post("/api/tasks", "{\"title\":\"t\",\"description\":\"" + text + "\"}", owner.token()),
				"description");
		assertRefused(post("/api/tasks", "{\"title\":\"t\",\"tags\":[\"" + text + "\"]}", owner.token()), "tags[0]");
		String path = "/api/tasks/" + createTask(owner, "fine").get("id").asString();
		assertRefused(patch(path, "{\"description\":\"" + text + "\"}", owner.token()), "description");
		assertRefused(patch(path, "{\"tags\":[\"" + text + "\"]}", owner.token()), "tags[0]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "first line\\nsecond line", "a\\ttab", "crlf\\r\\n", "emoji \\ud83d\\ude00 pair",
			"\\u05e9\\u05dc\\u05d5\\u05dd and \\u0627\\u0644\\u0633\\u0644\\u0627\\u0645" })
	void descriptionsKeepLineBreaksTabsSurrogatePairsAndRightToLeftText(String description) {
		User owner = newUser();
		Response created = post("/api/tasks", "{\"title\":\"t\",\"description\":\"" + description + "\"}",
				owner.token());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.body().get("description").asString())
			.isEqualTo(this.json.readValue("\"" + description + "\"", String.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"dueAt\":\"+1000000000-12-31T23:59:59Z\"", "\"dueAt\":\"-1000000000-01-01T00:00:00Z\"",
			"\"dueAt\":\"+10000-01-01T00:00:00Z\"", "\"dueAt\":\"1969-12-31T23:59:59.999Z\"",
			"\"dueDate\":\"+999999999-12-31\"", "\"dueDate\":\"+10000-01-01\"", "\"dueDate\":\"1969-12-31\"" })
	void dueDatesOutsideYears1970To9999AreRefusedNamingTheField(String due) {
		User owner = newUser();
		String field = due.substring(1, due.indexOf('"', 1));
		assertRefused(post("/api/tasks", "{\"title\":\"t\"," + due + "}", owner.token()), field);
		String path = "/api/tasks/" + createTask(owner, "fine").get("id").asString();
		assertRefused(put(path, "{\"title\":\"t\"," + due + "}", owner.token(), "If-Match", "\"0\""), field);
		assertRefused(patch(path, "{" + due + "}", owner.token()), field);
		Response imported = post("/api/tasks/import", "[{\"title\":\"t\"," + due + "}]", owner.token());
		assertThat(imported.body().get("items").get(0).get("status").asInt()).as(imported.raw()).isEqualTo(400);
		assertThat(fields(imported.body().get("items").get(0).get("problem")))
			.anySatisfy((named) -> assertThat(named).startsWith(field));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"dueAt\":\"9999-12-31T23:59:59.999Z\"", "\"dueAt\":\"1970-01-01T00:00:00Z\"",
			"\"dueDate\":\"9999-12-31\"", "\"dueDate\":\"1970-01-01\"" })
	void dueDatesAtTheEdgesOfTheRangeAreAccepted(String due) {
		Response created = post("/api/tasks", "{\"title\":\"t\"," + due + "}", newUser().token());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
	}

	private static void assertRefused(Response response, String field) {
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.problemType()).isEqualTo("urn:taskflow:problem:validation");
		// bean validation names a list element tags[0] or tags[0].<list element>
		assertThat(fields(response.body())).as(response.raw())
			.anySatisfy((named) -> assertThat(named).startsWith(field));
	}

	private static List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

}
