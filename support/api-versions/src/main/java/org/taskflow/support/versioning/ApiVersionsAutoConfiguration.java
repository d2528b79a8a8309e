package org.taskflow.support.versioning;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What TaskFlow adds to Boot's API versioning by header, which the service configures
 * ({@code spring.webflux.apiversion.*} or {@code spring.mvc.apiversion.*}): the problem
 * for a version it does not have, and the header in its OpenAPI document when springdoc
 * is present.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnExpression("'${spring.webflux.apiversion.use.header:}' != '' or '${spring.mvc.apiversion.use.header:}' != ''")
public class ApiVersionsAutoConfiguration {

	@Bean
	ApiVersions apiVersions(ApplicationContext context) {
		return ApiVersions.of(context.getEnvironment(), (context instanceof ReactiveWebApplicationContext)
				? "spring.webflux.apiversion" : "spring.mvc.apiversion");
	}

	@Bean
	ApiVersionProblems apiVersionProblems(ApiVersions versions) {
		return new ApiVersionProblems(versions);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenApiCustomizer.class)
	static class OpenApiDocumentation {

		@Bean
		OpenApiCustomizer apiVersionDocumentation(ApiVersions versions) {
			return new ApiVersionDocumentation(versions);
		}

	}

}
