package org.taskflow.auth.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the API as RFC 9457 problem details; never a stack trace. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.problem().getStatus());
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return response.body(ex.problem());
	}

	/**
	 * An {@code API-Version} this service does not serve; raised while the handler is
	 * looked up, before any controller runs.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupportedApiVersion(InvalidApiVersionException ex) {
		return ResponseEntity.badRequest().body(ApiVersioning.unsupported());
	}

	/** Redis or MongoDB unreachable: a temporary condition, said as such. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(DataAccessResourceFailureException ex) {
		logger.warn("Dependency unavailable: " + ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Try again in a few seconds."));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Errors Spring raises itself (404, 405, 415, parameter validation...) get a stable
	 * type too.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// Spring passes no body for its own ErrorResponse exceptions and fills it in
		// later
		Object problem = (body == null && ex instanceof ErrorResponse error) ? error.getBody() : body;
		HttpStatus known = HttpStatus.resolve(status.value());
		if (problem instanceof ProblemDetail detail && known != null
				&& (detail.getType() == null || URI.create("about:blank").equals(detail.getType()))) {
			String slug = known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			detail.setType(Problems.of(known, slug, "").getType());
		}
		return super.handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * Anything unforeseen: logged with its stack trace here, never shown to the client.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side."));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
					"The request body is not valid JSON of the expected shape."));
	}

}
