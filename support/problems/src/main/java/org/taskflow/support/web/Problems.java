package org.taskflow.support.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problems with stable {@code type}s, {@code urn:taskflow:problem:<slug>};
 * clients match on the type, never on the wording. The title is the status's reason
 * phrase unless one is given.
 */
public final class Problems {

	private static final String BASE = "urn:taskflow:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		return problem;
	}

	public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = of(status, slug, detail);
		problem.setTitle(title);
		return problem;
	}

	public static URI type(String slug) {
		return URI.create(BASE + slug);
	}

	/** The slug Spring's own errors get: {@code 404} is {@code not-found}. */
	static String slug(HttpStatus status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
