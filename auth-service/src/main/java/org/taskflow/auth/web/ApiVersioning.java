package org.taskflow.auth.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring's API versioning for the {@code /api/auth} controllers, as in the reactive
 * services: the version comes from the {@code API-Version} header, {@value #DEFAULT} when
 * it is absent, and only {@link #SUPPORTED} is accepted. Authorization Server endpoints
 * ({@code /oauth2/**}, {@code /.well-known/**}) and actuator are served outside these
 * mappings and are not versioned.
 */
@Configuration(proxyBeanMethods = false)
class ApiVersioning implements WebMvcConfigurer {

	static final String HEADER = "API-Version";

	static final String DEFAULT = "1";

	/** A breaking change maps its handler with {@code version = "2"} and adds it here. */
	static final List<String> SUPPORTED = List.of(DEFAULT);

	@Override
	public void configureApiVersioning(ApiVersionConfigurer configurer) {
		configurer.useRequestHeader(HEADER)
			.setDefaultVersion(DEFAULT)
			.addSupportedVersions(SUPPORTED.toArray(String[]::new))
			// the list above is the whole truth, so the 400 below can name it
			.detectSupportedVersions(false);
	}

	/**
	 * The problem for a version that is not supported or not a version at all. The
	 * requested value is not echoed back.
	 */
	static ProblemDetail unsupported() {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unsupported-api-version",
				"The " + HEADER + " header asks for a version this API does not have. Supported versions: "
						+ String.join(", ", SUPPORTED) + " (" + DEFAULT + " when the header is absent).");
		problem.setProperty("supportedVersions", SUPPORTED);
		return problem;
	}

}
