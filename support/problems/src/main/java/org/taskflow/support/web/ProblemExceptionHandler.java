package org.taskflow.support.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * On WebFlux, errors raised outside any controller (no handler for the path, a failure in
 * a filter, a request a proxy could not complete) become problem documents too, instead
 * of Boot's default error body. Ordered before Boot's handler. An application may extend
 * it to say more about its own failures (one of this type replaces the default).
 */
public class ProblemExceptionHandler implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private final ProblemWriter problems;

	public ProblemExceptionHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatus status = (ex instanceof ResponseStatusException rse)
				? HttpStatus.resolve(rse.getStatusCode().value()) : null;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (status.is5xxServerError()) {
			logFailure(exchange, ex);
		}
		return this.problems.write(exchange, Problems.of(status, Problems.slug(status), detail(status)), (headers) -> {
		});
	}

	/** A 5xx: logged with its stack trace, never shown to the client. */
	protected void logFailure(ServerWebExchange exchange, Throwable ex) {
		logger.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
	}

	/** What the client is told. */
	protected String detail(HttpStatus status) {
		return status.is5xxServerError() ? "Something went wrong on our side." : status.getReasonPhrase();
	}

}
