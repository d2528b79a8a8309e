package org.taskflow.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every error the gateway itself raises (no route, no static file, a request the proxy
 * could not complete) becomes {@code application/problem+json}, never Boot's default
 * error body or a stack trace. Runs before Boot's handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private final Problems problems;

	ProblemExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode code = (ex instanceof ResponseStatusException rse) ? rse.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (status.is5xxServerError()) {
			try (MDC.MDCCloseable requestId = RequestIdFilter.inLogs(exchange)) {
				logger.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
						ex.toString());
			}
		}
		String detail = (status == HttpStatus.INTERNAL_SERVER_ERROR) ? "The gateway could not complete the request."
				: status.getReasonPhrase();
		ProblemDetail problem = Problems.of(status, slug(status), status.getReasonPhrase(), detail);
		return this.problems.write(exchange, problem, (headers) -> {
		});
	}

	private static String slug(HttpStatus status) {
		return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
