package org.taskflow.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class SpaIntegrationTests extends GatewayIntegrationTest {

	@Test
	void servesTheAppShellUncachedAndHashedAssetsImmutable() {
		client().get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (v) -> assertThat(v).contains("no-cache"))
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<title>TaskFlow</title>"));
		client().get()
			.uri("/assets/placeholder-5f3a9c1e.css")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (v) -> assertThat(v).contains("max-age=31536000", "immutable"));
	}

	@Test
	void answersClientSideRoutesWithTheAppShell() {
		client().get()
			.uri("/tasks/123/edit")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (v) -> assertThat(v).contains("no-cache"))
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<title>TaskFlow</title>"));
	}

	@Test
	void answersMissingFilesAndUnknownApiPathsWith404ProblemNotTheShell() {
		client().get()
			.uri("/assets/missing-123.js")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		client().get()
			.uri("/api/nothing-here")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
