package org.taskflow.support.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the client is told about as a problem document, with an optional
 * {@code Retry-After}.
 */
public class ApiException extends RuntimeException {

	private final ProblemDetail problem;

	private final @Nullable Duration retryAfter;

	public ApiException(HttpStatus status, String slug, String detail) {
		this(Problems.of(status, slug, detail), null);
	}

	public ApiException(ProblemDetail problem, @Nullable Duration retryAfter) {
		super(problem.getDetail(), null, false, false);
		this.problem = problem;
		this.retryAfter = retryAfter;
	}

	public ProblemDetail problem() {
		return this.problem;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
