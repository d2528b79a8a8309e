package org.taskflow.support.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.taskflow.support.web.Problems;

/** The problems of the token check, the same on every stack. */
final class ResourceServerProblems {

	private ResourceServerProblems() {
	}

	static ProblemDetail unauthenticated() {
		return Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required.");
	}

	static ProblemDetail forbidden() {
		return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "This token may not do that.");
	}

}
