package org.taskflow.support.versioning;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An {@code API-Version} the service does not serve, raised while the handler is looked
 * up, before any controller runs: a 400 naming the supported versions. Ahead of the
 * application's other advice, on WebFlux and Servlet alike.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiVersionProblems {

	private final ApiVersions versions;

	ApiVersionProblems(ApiVersions versions) {
		this.versions = versions;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupported(InvalidApiVersionException ex) {
		return ResponseEntity.badRequest().body(this.versions.unsupported());
	}

}
