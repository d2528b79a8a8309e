package org.taskflow.support.versioning;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.taskflow.support.web.Problems;

/**
 * A service's API versions as Boot's API versioning is configured with them
 * ({@code spring.webflux.apiversion.*} or {@code spring.mvc.apiversion.*}): the version
 * comes from a request header, the default when it is absent, and only the supported
 * versions are accepted. A breaking change maps its handler with {@code version = "2"}
 * and lists {@code 2} as supported; that list, not the mappings, is what a client may ask
 * for ({@code detect-supported: false}), so the 400 for any other version can name it.
 *
 * @param header the request header that carries the version
 * @param defaultVersion the version of a request without the header
 * @param supported the versions a client may send
 */
record ApiVersions(String header, String defaultVersion, List<String> supported) {

	static ApiVersions of(Environment environment, String prefix) {
		Binder binder = Binder.get(environment);
		String defaultVersion = binder.bind(prefix + ".default", String.class).orElse("1");
		return new ApiVersions(binder.bind(prefix + ".use.header", String.class).orElse("API-Version"), defaultVersion,
				binder.bind(prefix + ".supported", Bindable.listOf(String.class)).orElse(List.of(defaultVersion)));
	}

	/**
	 * The problem for a version that is not supported or not a version at all. The
	 * requested value is not echoed back.
	 */
	ProblemDetail unsupported() {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unsupported-api-version",
				"The " + this.header + " header asks for a version this API does not have. Supported versions: "
						+ String.join(", ", this.supported) + " (" + this.defaultVersion
						+ " when the header is absent).");
		problem.setProperty("supportedVersions", this.supported);
		return problem;
	}

}
