package org.taskflow.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.taskflow.support.web.ProblemExceptionHandler;
import org.taskflow.support.web.ProblemWriter;

/**
 * Every error the gateway itself raises (no route, no static file, a request the proxy
 * could not complete) becomes a problem document, as in every service; the gateway says
 * that it was the one that failed, and logs the failure with the request id but without a
 * stack trace (an upstream's failure is not a gateway bug). Runs before Boot's handler.
 */
@Component
@Order(-2)
class EdgeProblemExceptionHandler extends ProblemExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(EdgeProblemExceptionHandler.class);

	EdgeProblemExceptionHandler(ProblemWriter problems) {
		super(problems);
	}

	@Override
	protected void logFailure(ServerWebExchange exchange, Throwable ex) {
		try (MDC.MDCCloseable requestId = RequestIdFilter.inLogs(exchange)) {
			logger.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex.toString());
		}
	}

	@Override
	protected String detail(HttpStatus status) {
		return (status == HttpStatus.INTERNAL_SERVER_ERROR) ? "The gateway could not complete the request."
				: status.getReasonPhrase();
	}

}
