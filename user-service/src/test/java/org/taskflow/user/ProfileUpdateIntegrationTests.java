package org.taskflow.user;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PATCH /api/users/me}: only what is sent changes, and every bad input is a 400
 * problem that names the field, never a 500 and never a partial change.
 */
class ProfileUpdateIntegrationTests extends UserIntegrationTests {

	@Test
	void changesOnlyTheFieldsSentAndClearsThoseSentAsNull() {
		Person person = register("Ada Lovelace");
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("displayName", "  Countess of Lovelace ");
		changes.put("avatarUrl", "https://images.example.com/ada.png");
		changes.put("bio", "Wrote the first program.");
		changes.put("timeZone", "Europe/London");
		changes.put("locale", "en-gb");
		changes.put("notifications",
				Map.of("TASK_COMPLETED", Map.of("email", true), "WELCOME", Map.of("inApp", false)));
		changes.put("quietHours", Map.of("start", "22:00", "end", "07:00"));
		Response updated = patch("/api/users/me", changes, person.token());
		assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
		JsonNode me = get("/api/users/me", person.token()).json();
		assertThat(me).isEqualTo(updated.json());
		assertThat(me.get("displayName").asString()).isEqualTo("Countess of Lovelace");
		assertThat(me.get("avatarUrl").asString()).isEqualTo("https://images.example.com/ada.png");
		assertThat(me.get("timeZone").asString()).isEqualTo("Europe/London");
		assertThat(me.get("locale").asString()).isEqualTo("en-GB");
		assertThat(me.get("notifications").get("TASK_COMPLETED").get("email").asBoolean()).isTrue();
		assertThat(me.get("notifications").get("TASK_COMPLETED").get("inApp").asBoolean()).isTrue();
		assertThat(me.get("notifications").get("WELCOME").get("inApp").asBoolean()).isFalse();
		assertThat(me.get("notifications").get("TASK_ASSIGNED").get("email").asBoolean()).isTrue();
		assertThat(me.get("quietHours").get("start").asString()).isEqualTo("22:00");
		assertThat(me.get("email").asString()).isEqualTo(person.email());

		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("bio", null);
		clear.put("avatarUrl", null);
		clear.put("quietHours", null);
		assertThat(patch("/api/users/me", clear, person.token()).status()).isEqualTo(200);
		JsonNode cleared = get("/api/users/me", person.token()).json();
		assertThat(cleared.get("bio").isNull()).isTrue();
		assertThat(cleared.get("avatarUrl").isNull()).isTrue();
		assertThat(cleared.get("quietHours").isNull()).isTrue();
		assertThat(cleared.get("displayName").asString()).isEqualTo("Countess of Lovelace");
		assertThat(cleared.get("timeZone").asString()).isEqualTo("Europe/London");
	}

	@Test
	void rejectsInvalidFieldsWithAValidationProblemNamingTheField() {
		Person person = register("Valid Person");
		JsonNode before = get("/api/users/me", person.token()).json();
		String huge = "x".repeat(100_000);
		Map<String, Object[]> cases = new LinkedHashMap<>();
		cases.put("timeZone", new Object[] { "Mars/Olympus_Mons", "+02:00", "", null, huge });
		cases.put("avatarUrl",
				new Object[] { "http://images.example.com/a.png", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
						"data:image/png;base64,AAAA", "https://", "https://user:secret@example.com/a.png",
						"https://example.com/a b.png", "//example.com/a.png", "https://example.com/" + huge });
		cases.put("displayName", new Object[] { "", "   ", "x".repeat(101), null, "tab\tname", huge });
		cases.put("bio", new Object[] { "x".repeat(501), huge });
		cases.put("locale", new Object[] { "not a tag", "en_US", "x".repeat(40), "" });
		cases.put("quietHours",
				new Object[] { Map.of("start", "25:00", "end", "07:00"), Map.of("start", "22:00", "end", "22:00"),
						Map.of("start", "22:00"), Map.of("start", "10pm", "end", "7am") });
		cases.forEach((field, values) -> {
			for (Object value : values) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put(field, value);
				Response response = patch("/api/users/me", body, person.token());
				String shown = String.valueOf(value);
				String description = field + "=" + shown.substring(0, Math.min(shown.length(), 60));
				assertThat(response.status()).as(description + " " + response.raw()).isEqualTo(400);
				assertThat(response.problemType()).as(description).isEqualTo("urn:taskflow:problem:validation");
				assertThat(response.json().get("errors").get(0).get("field").asString()).as(description)
					.startsWith(field);
			}
		});
		assertThat(get("/api/users/me", person.token()).json()).isEqualTo(before);
	}

	@Test
	void rejectsMalformedBodiesWithAProblemNeverA500() {
		Person person = register("Malformed Body");
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("not JSON", "{not json");
		bodies.put("unknown notification kind", "{\"notifications\":{\"TASK_EXPLODED\":{\"email\":true}}}");
		bodies.put("channel not a boolean", "{\"notifications\":{\"DUE_SOON\":{\"email\":\"sometimes\"}}}");
		bodies.put("object for a string", "{\"displayName\":{\"first\":\"Ada\"}}");
		bodies.put("array for the body", "[]");
		bodies.put("string for quiet hours", "{\"quietHours\":\"22:00-07:00\"}");
		bodies.put("empty body", "");
		bodies.forEach((name, body) -> {
			Response response = patch("/api/users/me", body, person.token());
			assertThat(response.status()).as(name + " " + response.raw()).isEqualTo(400);
			assertThat(response.problemType()).as(name).startsWith("urn:taskflow:problem:");
		});
		Response tooLarge = patch("/api/users/me", "{\"bio\":\"" + "x".repeat(2_000_000) + "\"}", person.token());
		assertThat(tooLarge.status()).as(tooLarge.raw()).isBetween(400, 499);
		assertThat(tooLarge.problemType()).startsWith("urn:taskflow:problem:");
	}

	@Test
	void needsAPersonsToken() {
		assertThat(get("/api/users/me", null).status()).isEqualTo(401);
		Response service = get("/api/users/me",
				org.taskflow.testsupport.TestIssuer.service("task-service", "users.read"));
		assertThat(service.status()).isEqualTo(403);
		assertThat(get("/api/users/me", org.taskflow.testsupport.TestIssuer.expired("someone")).status())
			.isEqualTo(401);
		assertThat(get("/api/users/me", org.taskflow.testsupport.TestIssuer.forged("someone")).status()).isEqualTo(401);
	}

}
