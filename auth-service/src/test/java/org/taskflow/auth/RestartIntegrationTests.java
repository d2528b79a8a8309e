package org.taskflow.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.taskflow.testsupport.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

class RestartIntegrationTests extends AuthIntegrationTests {

	@Test
	void tokensAndSessionsOutliveARestartAndWorkOnAnotherReplica() throws Exception {
		String email = uniqueEmail();
		signup(email);
		Tokens tokens = login(email);

		Map<String, Object> properties = new HashMap<>(TestInfrastructure.shared().springProperties());
		properties.put("server.port", 0);
		properties.put("taskflow.auth.keys.directory", KEYS.toString());
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(AuthServiceApplication.class)
			.run(arguments)) {
			String base = "http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port");
			try (HttpClient http = HttpClient.newHttpClient()) {
				HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/me"))
					.header("Authorization", "Bearer " + tokens.access())
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(me.statusCode()).isEqualTo(200);
				HttpResponse<String> refreshed = http
					.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/refresh"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + tokens.refresh() + "\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(refreshed.statusCode()).isEqualTo(200);
			}
		}
	}

}
