package org.taskflow.auth.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A failure with a stable problem type, answered as application/problem+json. */
public class ApiException extends RuntimeException {

	private final ProblemDetail problem;

	private final Duration retryAfter;

	public ApiException(HttpStatus status, String type, String detail) {
		this(status, type, detail, null);
	}

	public ApiException(HttpStatus status, String type, String detail, Duration retryAfter) {
		super(detail);
		this.problem = Problems.of(status, type, detail);
		this.retryAfter = retryAfter;
	}

	public ProblemDetail problem() {
		return this.problem;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
