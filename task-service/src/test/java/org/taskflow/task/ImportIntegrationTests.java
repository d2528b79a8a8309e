package org.taskflow.task;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ImportIntegrationTests extends TaskIntegrationTests {

	@Test
	void importsAJsonArrayReportingEachItemInOrder() {
		User owner = newUser();
		String body = """
				[{"title":"first","priority":"HIGH"},
				 {"title":""},
				 {"title":"nobody to help","assigneeIds":["%s"]},
				 {"title":5},
				 {"title":"last","ownerId":"someone-else"},
				 {"title":"really last","tags":["import"]}]""".formatted("user-" + UUID.randomUUID());
		Response response = post("/api/tasks/import", body, owner.token());

		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		assertThat(response.body().get("created").asInt()).isEqualTo(2);
		assertThat(response.body().get("failed").asInt()).isEqualTo(4);
		List<JsonNode> items = response.body().get("items").valueStream().toList();
		assertThat(items).extracting((item) -> item.get("index").asInt()).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(items).extracting((item) -> item.get("status").asInt())
			.containsExactly(201, 400, 422, 400, 400, 201);
		assertThat(items.get(1).get("problem").get("type").asString()).isEqualTo("urn:taskflow:problem:validation");
		assertThat(items.get(3).get("problem").get("type").asString()).isEqualTo("urn:taskflow:problem:malformed-body");
		String first = items.get(0).get("id").asString();
		assertThat(get("/api/tasks/" + first, owner.token()).body().get("priority").asString()).isEqualTo("HIGH");
		assertThat(get("/api/tasks", owner.token()).body().get("items")).hasSize(2);
	}

	@Test
	void importsNdjson() {
		User owner = newUser();
		String body = IntStream.range(0, 50)
			.mapToObj((i) -> "{\"title\":\"line " + i + "\"}")
			.collect(Collectors.joining("\n"));
		Response response = post("/api/tasks/import", body, owner.token(), "Content-Type", "application/x-ndjson");
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		assertThat(response.body().get("created").asInt()).isEqualTo(50);
		assertThat(response.body().get("items").get(49).get("index").asInt()).isEqualTo(49);
		assertThat(get("/api/tasks?limit=100", owner.token()).body().get("items")).hasSize(50);
	}

	@Test
	void moreItemsThanTheCapIs413AndCreatesNothing() {
		User owner = newUser();
		String body = IntStream.range(0, 1_001)
			.mapToObj((i) -> "{\"title\":\"t" + i + "\"}")
			.collect(Collectors.joining(",", "[", "]"));
		Response response = post("/api/tasks/import", body, owner.token());
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.problemType()).isEqualTo("urn:taskflow:problem:import-too-large");
		assertThat(get("/api/tasks", owner.token()).body().get("items")).isEmpty();
	}

	@Test
	void aBodyOverTheByteCapIs413AndCreatesNothing() {
		User owner = newUser();
		// 300 items (under the item cap), each within the field limits: 5.4 MB in all
		String description = "d".repeat(18_000);
		String body = IntStream.range(0, 300)
			.mapToObj((i) -> "{\"title\":\"t" + i + "\",\"description\":\"" + description + "\"}")
			.collect(Collectors.joining(",", "[", "]"));
		Response response = post("/api/tasks/import", body, owner.token());
		assertThat(response.status()).as(response.raw()).isEqualTo(413);
		assertThat(response.problemType()).isEqualTo("urn:taskflow:problem:import-too-large");
		assertThat(get("/api/tasks", owner.token()).body().get("items")).isEmpty();
	}

	@Test
	void malformedImportsAreClientErrors() {
		User owner = newUser();
		assertThat(post("/api/tasks/import", "[{\"title\":", owner.token()).status()).isEqualTo(400);
		assertThat(post("/api/tasks/import", "not json", owner.token()).status()).isEqualTo(400);
		assertThat(post("/api/tasks/import", "title=x", owner.token(), "Content-Type", "text/plain").status())
			.isEqualTo(415);
		Response empty = post("/api/tasks/import", "[]", owner.token());
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body().get("created").asInt()).isZero();
		Response single = post("/api/tasks/import", Map.of("title", "one object"), owner.token());
		assertThat(single.status()).as(single.raw()).isEqualTo(200);
	}

	/**
	 * Each of these once made the JSON decoder release the request's network buffer a
	 * second time (an {@code IllegalReferenceCountException} in the log, and now and then
	 * a reset connection instead of an answer).
	 */
	@Test
	void malformedImportsAre400ProblemsAndReleaseNoBufferTwice(CapturedOutput log) {
		User owner = newUser();
		byte[] invalidUtf8 = { '[', '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
				'}', ']' };
		List<Response> answers = List.of(post("/api/tasks/import", "[{\"title\":", owner.token()),
				post("/api/tasks/import", "not json", owner.token()),
				post("/api/tasks/import", "[{\"title\":\"a\"},,]", owner.token()),
				post("/api/tasks/import", "{\"title\":\"one\"}\n{\"title\":\"tw", owner.token(), "Content-Type",
						"application/x-ndjson"),
				post("/api/tasks/import", "{\"title\":\"one\"}\n}{\n", owner.token(), "Content-Type",
						"application/x-ndjson"),
				post("/api/tasks/import", invalidUtf8, owner.token()),
				post("/api/tasks/import", invalidUtf8, owner.token(), "Content-Type", "application/x-ndjson"));
		for (Response answer : answers) {
			assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
			assertThat(answer.problemType()).isEqualTo("urn:taskflow:problem:malformed-body");
		}
		String oversized = "[" + "{\"title\":\"x\"},".repeat(400_000);
		Response tooLarge = post("/api/tasks/import", oversized, owner.token());
		assertThat(tooLarge.status()).as(tooLarge.raw()).isEqualTo(413);
		assertThat(tooLarge.problemType()).isEqualTo("urn:taskflow:problem:import-too-large");
		// on the same connection, so any late release of the requests above has happened
		assertThat(post("/api/tasks/import", "[]", owner.token()).status()).isEqualTo(200);
		assertThat(get("/api/tasks", owner.token()).body().get("items")).isEmpty();
		assertThat(log.getAll()).doesNotContain("IllegalReferenceCountException");
	}

}
