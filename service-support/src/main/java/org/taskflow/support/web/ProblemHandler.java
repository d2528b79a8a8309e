package org.taskflow.support.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one controller advice of a service: every error of the API as an RFC 9457 problem
 * with a stable type, never a stack trace. Bad input is a 400 that names the field;
 * MongoDB or Kafka being unreachable is a 503 with {@code Retry-After}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private final List<String> apiVersions;

	ProblemHandler(ApiVersionProperties apiVersions) {
		this.apiVersions = apiVersions.supported();
	}

	@ExceptionHandler
	Mono<ResponseEntity<ProblemDetail>> api(ApiException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.problem().getStatus());
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return Mono.just(response.body(ex.problem()));
	}

	/**
	 * An {@code API-Version} this service does not serve; raised while the handler is
	 * looked up, before any controller runs.
	 */
	@ExceptionHandler
	Mono<ResponseEntity<ProblemDetail>> unsupportedApiVersion(InvalidApiVersionException ex) {
		return Mono.just(ResponseEntity.badRequest().body(ApiVersioning.unsupported(this.apiVersions)));
	}

	@ExceptionHandler
	Mono<ResponseEntity<ProblemDetail>> unavailable(DataAccessResourceFailureException ex) {
		logger.warn("Dependency unavailable: " + ex.getMessage());
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Try again in a few seconds.")));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		return Mono.just(ResponseEntity.badRequest().body(invalid(errors)));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(error.getDefaultMessage()))))
			.toList();
		return Mono.just(ResponseEntity.badRequest().body(invalid(errors)));
	}

	/**
	 * Unreadable JSON, a wrong type, an unknown enum value, a malformed parameter: a 400
	 * that says where, without echoing parser internals.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (ex.getCause() instanceof DecodingException decoding) {
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
					"The request body is not valid JSON of the expected shape.");
			String field = (decoding.getCause() instanceof JacksonException json) ? path(json) : null;
			if (field != null) {
				problem.setProperty("errors",
						List.of(Map.of("field", field, "message", "has the wrong type or value")));
			}
			return Mono.just(ResponseEntity.badRequest().body(problem));
		}
		String parameter = (ex.getMethodParameter() != null) ? ex.getMethodParameter().getParameterName() : null;
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
				(parameter != null) ? "Parameter '" + parameter + "' has an invalid value." : "Invalid request.");
		return Mono.just(ResponseEntity.badRequest().body(problem));
	}

	/**
	 * Spring's own errors (404, 405, 406, 415...) keep its wording and get a stable type.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		HttpStatus known = HttpStatus.resolve(status.value());
		Object problem = (body == null && ex instanceof ErrorResponse error) ? error.getBody() : body;
		if (problem instanceof ProblemDetail detail && known != null
				&& (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
			detail.setType(Problems.type(Problems.slug(known)));
		}
		return super.handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	/** Anything unforeseen: logged with its stack trace, never shown to the client. */
	@ExceptionHandler
	Mono<ResponseEntity<ProblemDetail>> unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return Mono.just(ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side.")));
	}

	static ProblemDetail invalid(List<Map<String, String>> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
		problem.setProperty("errors", errors);
		return problem;
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
