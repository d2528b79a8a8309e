package org.taskflow.support.web;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one controller advice of a WebFlux service: every error of the API as an RFC 9457
 * problem with a stable type, never a stack trace. Bad input is a 400 that names the
 * field; MongoDB or Kafka being unreachable is a 503 with {@code Retry-After}.
 */
@RestControllerAdvice
class ReactiveProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	Mono<ResponseEntity<ProblemDetail>> api(ApiException ex) {
		return Mono.just(ProblemResponses.of(ex));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		return Mono.just(ProblemResponses.invalidFields(ex.getFieldErrors()));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		return Mono.just(ProblemResponses.invalidParameters(ex));
	}

	/** An unreadable body or a malformed parameter. */
	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (ex.getCause() instanceof DecodingException decoding) {
			return Mono.just(ProblemResponses.malformedBody(decoding.getCause()));
		}
		return Mono.just(ProblemResponses
			.invalidParameter((ex.getMethodParameter() != null) ? ex.getMethodParameter().getParameterName() : null));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		return super.handleExceptionInternal(ex, ProblemResponses.typed(ex, body, status), headers, status, exchange);
	}

	@ExceptionHandler
	Mono<ResponseEntity<ProblemDetail>> unexpected(Exception ex) {
		return Mono.just(ProblemResponses.unexpected(ex));
	}

}
