package org.taskflow.support.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

class ReactiveProblemHandlerTests {

	private final WebTestClient client = WebTestClient.bindToController(new Things())
		.controllerAdvice(new ReactiveProblemHandler())
		.build();

	@Test
	void malformedJsonIsABadRequestWithAStableType() {
		post("{\"name\": ").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:malformed-body");
	}

	@Test
	void anUnknownEnumValueNamesTheField() {
		post("{\"name\": \"a\", \"colour\": \"PURPLE\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:malformed-body")
			.jsonPath("$.errors[0].field")
			.isEqualTo("colour");
	}

	@Test
	void aWrongTypeNamesTheField() {
		post("{\"name\": {\"nested\": true}}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
	}

	@Test
	void invalidFieldsAreListed() {
		post("{\"name\": \"\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
	}

	@Test
	void aMalformedParameterIsABadRequest() {
		this.client.get()
			.uri("/things?limit=lots")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:invalid-parameter");
	}

	@Test
	void anApiExceptionKeepsItsStatusTypeAndRetryAfter() {
		this.client.get()
			.uri("/things?limit=0")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("Retry-After", "7")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:busy");
	}

	@Test
	void anUnexpectedFailureIsA500WithoutDetails() {
		String body = this.client.get()
			.uri("/things?limit=13")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("urn:taskflow:problem:internal").doesNotContain("unlucky", "Exception");
	}

	@Test
	void springsOwnErrorsGetAStableTypeToo() {
		this.client.put()
			.uri("/things")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:taskflow:problem:method-not-allowed");
	}

	private WebTestClient.ResponseSpec post(String json) {
		return this.client.post().uri("/things").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	enum Colour {

		RED, GREEN

	}

	record Thing(@NotBlank @Size(max = 10) String name, Colour colour) {
	}

	@RestController
	static class Things {

		@PostMapping("/things")
		Mono<Thing> create(@Valid @RequestBody Thing thing) {
			return Mono.just(thing);
		}

		@GetMapping("/things")
		Mono<String> list(@RequestParam int limit) {
			if (limit == 0) {
				return Mono.error(new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy."),
						Duration.ofSeconds(7)));
			}
			if (limit == 13) {
				return Mono.error(new IllegalStateException("unlucky"));
			}
			return Mono.just("[]");
		}

	}

}
