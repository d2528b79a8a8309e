package org.taskflow.task.users;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.client.WebClient;
import org.taskflow.support.web.ApiException;
import org.taskflow.support.web.Problems;

/**
 * Checks that the people a task is assigned to exist and are active, by asking
 * user-service ({@code GET /internal/users?ids=}) with task-service's own token. When
 * user-service cannot answer (down, slow, circuit open) the assignment fails fast with
 * 503 and {@code Retry-After} rather than being accepted unchecked: an assignment to a
 * person who does not exist would notify nobody and could not be corrected later without
 * surprising the owner.
 */
public class UserDirectory {

	private static final Logger logger = LoggerFactory.getLogger(UserDirectory.class);

	private final WebClient userService;

	private final ReactiveCircuitBreaker circuitBreaker;

	private final Retry retry;

	private final Duration retryAfter;

	UserDirectory(WebClient userService, ReactiveCircuitBreaker circuitBreaker, Retry retry, Duration retryAfter) {
		this.userService = userService;
		this.circuitBreaker = circuitBreaker;
		this.retry = retry;
		this.retryAfter = retryAfter;
	}

	/**
	 * Completes when every id is a known, active user; fails with a 422 problem naming
	 * the others, or 503 when user-service cannot tell.
	 */
	public Mono<Void> requireActive(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		return lookup(ids).flatMap((users) -> {
			Set<String> active = users.stream().filter(UserView::active).map(UserView::id).collect(Collectors.toSet());
			List<String> rejected = ids.stream().filter((id) -> !active.contains(id)).toList();
			if (rejected.isEmpty()) {
				return Mono.empty();
			}
			ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-assignee",
					"Tasks can only be assigned to existing, active users.");
			problem.setProperty("assigneeIds", rejected);
			return Mono.error(new ApiException(problem, null));
		});
	}

	private Mono<List<UserView>> lookup(Collection<String> ids) {
		Mono<List<UserView>> attempt = this.userService.get()
			.uri((uri) -> uri.path("/internal/users").queryParam("ids", String.join(",", ids)).build())
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<List<UserView>>() {
			})
			.defaultIfEmpty(List.of());
		// each attempt under the breaker and its time limit; the retry around them. The
		// fallback hands on the failure itself: without one Spring Cloud wraps every
		// failure in NoFallbackAvailableException, and the retry, which decides by the
		// failure, never tried again
		return Mono.defer(() -> this.circuitBreaker.run(attempt, Mono::error))
			.transformDeferred(RetryOperator.of(this.retry))
			.onErrorMap((ex) -> !(ex instanceof ApiException), this::unavailable);
	}

	private ApiException unavailable(Throwable ex) {
		if (ex instanceof CallNotPermittedException) {
			logger.debug("user-service circuit open");
		}
		else {
			logger.warn("user-service lookup failed: {}", ex.toString());
		}
		return new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "user-service-unavailable",
				"Assignees cannot be checked right now; try again shortly."), this.retryAfter);
	}

	/** The fields of user-service's answer this service reads; the others are ignored. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserView(String id, boolean active) {
	}

}
