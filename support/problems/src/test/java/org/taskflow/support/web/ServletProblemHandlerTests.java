package org.taskflow.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Servlet advice answers as the WebFlux one does. */
class ServletProblemHandlerTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
		.setControllerAdvice(new ServletProblemHandler())
		.build();

	@Test
	void malformedJsonIsABadRequestWithAStableType() throws Exception {
		this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:taskflow:problem:malformed-body"));
	}

	@Test
	void invalidFieldsAreListed() throws Exception {
		this.mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:taskflow:problem:validation"))
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	@Test
	void anApiExceptionKeepsItsStatusAndType() throws Exception {
		this.mvc.perform(get("/things?limit=0"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:taskflow:problem:taken"));
	}

	@Test
	void anUnreachableDatabaseIsA503WithRetryAfter() throws Exception {
		this.mvc.perform(get("/things?limit=5"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("urn:taskflow:problem:unavailable"));
	}

	@Test
	void aStoreThatDoesNotAnswerInTimeIsA503WithRetryAfter() throws Exception {
		this.mvc.perform(get("/things?limit=6"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("urn:taskflow:problem:unavailable"));
	}

	@Test
	void anUnexpectedFailureIsA500WithoutDetails() throws Exception {
		this.mvc.perform(get("/things?limit=13"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.type").value("urn:taskflow:problem:internal"))
			.andExpect(jsonPath("$.detail").value("Something went wrong on our side."));
	}

	@Test
	void springsOwnErrorsGetAStableTypeToo() throws Exception {
		this.mvc.perform(put("/things"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("urn:taskflow:problem:method-not-allowed"));
	}

	record Thing(@NotBlank String name) {
	}

	@RestController
	static class Things {

		@PostMapping("/things")
		Thing create(@Valid @RequestBody Thing thing) {
			return thing;
		}

		@GetMapping("/things")
		String list(@RequestParam int limit) {
			return switch (limit) {
				case 0 -> throw new ApiException(HttpStatus.CONFLICT, "taken", "Taken.");
				case 5 -> throw new DataAccessResourceFailureException("no database");
				case 6 -> throw new QueryTimeoutException("Redis command timed out");
				case 13 -> throw new IllegalStateException("unlucky");
				default -> "[]";
			};
		}

	}

}
