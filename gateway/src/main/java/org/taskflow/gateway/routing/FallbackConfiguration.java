package org.taskflow.gateway.routing;

import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.taskflow.support.web.Problems;
import org.taskflow.gateway.web.RequestIdFilter;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * The circuit breakers' fallback: a service that is down, open or too slow becomes a
 * problem response ({@code 503} with {@code Retry-After}, or {@code 504} for a time-out)
 * instead of a bare error. Only reachable through the gateway's {@code forward:}, which
 * does not pass the web filters again.
 */
@Configuration(proxyBeanMethods = false)
class FallbackConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(FallbackConfiguration.class);

	@Bean
	RouterFunction<ServerResponse> circuitBreakerFallback(ResilienceProperties properties) {
		return RouterFunctions.route(path("/fallback/{service}"), (request) -> {
			String service = request.pathVariable("service");
			Throwable failure = request.exchange()
				.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
			boolean timedOut = isTimeout(failure);
			try (MDC.MDCCloseable requestId = RequestIdFilter.inLogs(request.exchange())) {
				logger.warn("{} unavailable ({}): {}", service, timedOut ? "time-out" : "failure",
						(failure != null) ? failure.toString() : "unknown");
			}
			if (timedOut) {
				ProblemDetail problem = Problems.of(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Service timed out",
						"The " + service + " service did not answer in time.");
				return ServerResponse.status(HttpStatus.GATEWAY_TIMEOUT)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.bodyValue(problem);
			}
			ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"Service unavailable", "The " + service + " service is unavailable; try again later.");
			return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyValue(problem);
		});
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof TimeoutException || (t instanceof ResponseStatusException rse
					&& rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
				return true;
			}
		}
		return false;
	}

}
