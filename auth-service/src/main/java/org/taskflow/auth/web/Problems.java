package org.taskflow.auth.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The stable problem types of this service (RFC 9457); clients match on {@code type}. */
public final class Problems {

	private static final String BASE = "urn:taskflow:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(BASE + type));
		return problem;
	}

}
