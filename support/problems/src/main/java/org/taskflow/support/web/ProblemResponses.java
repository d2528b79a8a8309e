package org.taskflow.support.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * What the WebFlux and the Servlet problem handlers answer alike; each only adapts it to
 * its stack.
 */
final class ProblemResponses {

	private static final Logger logger = LoggerFactory.getLogger(ProblemResponses.class);

	/** Spring's data-access exceptions exist only where a service uses Spring Data. */
	private static final boolean DATA_ACCESS = ClassUtils.isPresent(
			"org.springframework.dao.DataAccessResourceFailureException", ProblemResponses.class.getClassLoader());

	private ProblemResponses() {
	}

	static ResponseEntity<ProblemDetail> of(ApiException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.problem().getStatus());
		Duration retryAfter = ex.retryAfter();
		if (retryAfter != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		return response.body(ex.problem());
	}

	/**
	 * A database or broker out of reach, or one that does not answer in time (Redis while
	 * its client reconnects), is a 503 with {@code Retry-After}; anything else unforeseen
	 * is a 500, logged with its stack trace and never shown to the client.
	 */
	static ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DATA_ACCESS && (ex instanceof DataAccessResourceFailureException || ex instanceof QueryTimeoutException)) {
			logger.warn("Dependency unavailable: {}", ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "5")
				.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Try again in a few seconds."));
		}
		logger.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side."));
	}

	static ResponseEntity<Object> invalidFields(List<FieldError> fields) {
		return invalid(fields.stream().map((error) -> error(error.getField(), error.getDefaultMessage())).toList());
	}

	static ResponseEntity<Object> invalidParameters(HandlerMethodValidationException ex) {
		return invalid(ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> error(String.valueOf(result.getMethodParameter().getParameterName()),
						error.getDefaultMessage())))
			.toList());
	}

	/**
	 * Unreadable JSON, a wrong type, an unknown enum value: a 400 that names the field
	 * where it can, without echoing parser internals.
	 */
	static ResponseEntity<Object> malformedBody(@Nullable Throwable cause) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
				"The request body is not valid JSON of the expected shape.");
		String field = (cause instanceof JacksonException json) ? path(json) : null;
		if (field != null) {
			problem.setProperty("errors", List.of(error(field, "has the wrong type or value")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	static ResponseEntity<Object> invalidParameter(@Nullable String name) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
					(name != null) ? "Parameter '" + name + "' has an invalid value." : "Invalid request."));
	}

	/**
	 * Spring's own errors (404, 405, 406, 415...) keep its wording and get a stable type.
	 * Spring passes no body for its own {@link ErrorResponse} exceptions and fills it in
	 * later, so the body is taken from the exception then.
	 */
	static @Nullable Object typed(Exception ex, @Nullable Object body, HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		Object problem = (body == null && ex instanceof ErrorResponse error) ? error.getBody() : body;
		if (problem instanceof ProblemDetail detail && known != null
				&& (detail.getType() == null || URI.create("about:blank").equals(detail.getType()))) {
			detail.setType(Problems.type(Problems.slug(known)));
		}
		return problem;
	}

	private static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	private static Map<String, String> error(String field, @Nullable String message) {
		return Map.of("field", field, "message", String.valueOf(message));
	}

	private static @Nullable String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

}
