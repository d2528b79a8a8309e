package org.taskflow.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter replay every consuming service has (support-events'
 * {@code /actuator/deadletters}): for administrators only, it lists the service's
 * consumed topics with their group's dead-letter and replay topics, and replays only
 * those. A consuming service's integration test implements this and names the topics; the
 * tests find the actuator themselves ({@link ActuatorPort}), and the group is the
 * service's name, as every TaskFlow service consumes in one group named after itself.
 */
public interface DeadLetterReplayContract {

	/** Reads the endpoint's answers. */
	JsonMapper JSON = JsonMapper.builder().build();

	/** The topics the group consumes. */
	List<String> consumedTopics();

	/**
	 * A token of an administrator, as this service accepts them: by default from
	 * {@link TestIssuer}.
	 */
	default String administratorToken() {
		return TestIssuer.user("admin-" + UUID.randomUUID(), "ADMIN");
	}

	/** A token of a person who is not an administrator. */
	default String userToken() {
		return TestIssuer.newUser();
	}

	@Test
	default void listsItsGroupsDeadLettersToAdministratorsOnly(@ActuatorPort int port,
			@Value("${spring.application.name}") String group) {
		assertThat(call(port, "GET", null, null).statusCode()).isEqualTo(401);
		assertThat(call(port, "GET", userToken(), null).statusCode()).isEqualTo(403);
		HttpResponse<String> listed = call(port, "GET", administratorToken(), null);
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		List<String> topics = new ArrayList<>();
		for (JsonNode entry : JSON.readTree(listed.body())) {
			topics.add(entry.get("topic").asString());
			assertThat(entry.get("group").asString()).isEqualTo(group);
			assertThat(entry.get("deadLetterTopic").asString())
				.isEqualTo(entry.get("topic").asString() + "." + group + ".dlt");
			assertThat(entry.get("replayTopic").asString())
				.isEqualTo(entry.get("topic").asString() + "." + group + ".replay");
		}
		assertThat(topics).containsExactlyInAnyOrderElementsOf(consumedTopics());
	}

	@Test
	default void replaysOnlyWhatItsOwnGroupsConsume(@ActuatorPort int port,
			@Value("${spring.application.name}") String group) {
		HttpResponse<String> foreign = call(port, "POST", administratorToken(),
				"{\"topic\":\"%s\",\"group\":\"someone-else\"}".formatted(consumedTopics().getFirst()));
		assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
		assertThat(call(port, "POST", userToken(),
				"{\"topic\":\"%s\",\"group\":\"%s\"}".formatted(consumedTopics().getFirst(), group))
			.statusCode()).isEqualTo(403);
	}

	private static HttpResponse<String> call(int port, String method, @Nullable String token, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/deadletters"))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return TestHttp.send(http, request.build());
		}
	}

}
