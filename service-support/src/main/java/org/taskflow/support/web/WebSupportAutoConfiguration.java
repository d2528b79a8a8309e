package org.taskflow.support.web;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Problem documents for every error a service returns, and one API versioning scheme for
 * all services, described in their OpenAPI documents when springdoc is present.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ApiVersionProperties.class)
public class WebSupportAutoConfiguration {

	@Bean
	ProblemWriter problemWriter(ServerCodecConfigurer codecs) {
		return new ProblemWriter(codecs);
	}

	@Bean
	ProblemHandler problemHandler(ApiVersionProperties apiVersions) {
		return new ProblemHandler(apiVersions);
	}

	@Bean
	WebFluxConfigurer apiVersioning(ApiVersionProperties apiVersions) {
		return new ApiVersioning(apiVersions);
	}

	/** Before Boot's own error handler (order -1). */
	@Bean
	@Order(-2)
	WebExceptionHandler problemExceptionHandler(ProblemWriter problems) {
		return new ProblemExceptionHandler(problems);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenApiCustomizer.class)
	static class OpenApiDocumentation {

		@Bean
		OpenApiCustomizer apiVersionDocumentation(ApiVersionProperties apiVersions) {
			return new ApiVersionDocumentation(apiVersions);
		}

	}

}
