package org.taskflow.support.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.config.ApiVersionConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Spring's API versioning for every controller of a service: the version comes from the
 * {@code API-Version} header, {@value #DEFAULT} when it is absent, and only the versions
 * of {@link ApiVersionProperties} are accepted. Actuator endpoints are mapped apart and
 * are not versioned.
 */
final class ApiVersioning implements WebFluxConfigurer {

	static final String HEADER = "API-Version";

	static final String DEFAULT = "1";

	private final List<String> supported;

	ApiVersioning(ApiVersionProperties properties) {
		this.supported = properties.supported();
	}

	@Override
	public void configureApiVersioning(ApiVersionConfigurer configurer) {
		configurer.useRequestHeader(HEADER)
			.setDefaultVersion(DEFAULT)
			.addSupportedVersions(this.supported.toArray(String[]::new))
			// the configured list is the whole truth, so the 400 below can name it
			.detectSupportedVersions(false);
	}

	/**
	 * The problem for a version that is not supported or not a version at all. The
	 * requested value is not echoed back.
	 */
	static ProblemDetail unsupported(List<String> supported) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unsupported-api-version",
				"The " + HEADER + " header asks for a version this API does not have. Supported versions: "
						+ String.join(", ", supported) + " (" + DEFAULT + " when the header is absent).");
		problem.setProperty("supportedVersions", supported);
		return problem;
	}

}
