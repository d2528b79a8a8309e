package org.taskflow.support.versioning;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.accept.DefaultApiVersionStrategy;
import org.springframework.web.accept.SemanticApiVersionParser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Versioning configured as Boot configures it from {@code spring.*.apiversion.*}. */
class ApiVersionProblemsTests {

	private final ApiVersions versions = new ApiVersions("API-Version", "1", List.of("1"));

	@Test
	void withoutAnApiVersionHeaderVersionOneServes() {
		WebTestClient client = webFlux();
		client.get().uri("/things").exchange().expectStatus().isOk();
		client.get().uri("/things").header("API-Version", "1").exchange().expectStatus().isOk();
	}

	@Test
	void anUnsupportedOrMalformedApiVersionIsABadRequestNamingTheSupportedOnesOnWebFlux() {
		for (String version : List.of("2", "banana")) {
			webFlux().get()
				.uri("/things")
				.header("API-Version", version)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:taskflow:problem:unsupported-api-version")
				.jsonPath("$.supportedVersions")
				.isEqualTo(List.of("1"));
		}
	}

	@Test
	void anUnsupportedApiVersionIsTheSameProblemOnServlet() throws Exception {
		DefaultApiVersionStrategy strategy = new DefaultApiVersionStrategy(
				List.of((request) -> request.getHeader("API-Version")), new SemanticApiVersionParser(), false, "1",
				false, null, null);
		strategy.addSupportedVersion("1");
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new ServletThings())
			.setControllerAdvice(new ApiVersionProblems(this.versions))
			.setApiVersionStrategy(strategy)
			.build();
		mvc.perform(get("/things").header("API-Version", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:taskflow:problem:unsupported-api-version"))
			.andExpect(jsonPath("$.detail").value(containsString("Supported versions: 1")));
	}

	private WebTestClient webFlux() {
		return WebTestClient.bindToController(new Things())
			.controllerAdvice(new ApiVersionProblems(this.versions))
			.apiVersioning((configurer) -> configurer.useRequestHeader("API-Version")
				.setDefaultVersion("1")
				.addSupportedVersions("1")
				.detectSupportedVersions(false))
			.build();
	}

	@RestController
	static class Things {

		@GetMapping("/things")
		Mono<String> list() {
			return Mono.just("[]");
		}

	}

	@RestController
	static class ServletThings {

		@GetMapping("/things")
		String list() {
			return "[]";
		}

	}

}
