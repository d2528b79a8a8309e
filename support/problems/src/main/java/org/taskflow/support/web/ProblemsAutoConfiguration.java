package org.taskflow.support.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Problem documents for every error an application answers, on WebFlux or on Servlet: the
 * controller advice, and a writer for filters and security handlers.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class ProblemsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class Reactive {

		@Bean
		ProblemWriter problemWriter(ServerCodecConfigurer codecs) {
			return new ProblemWriter(codecs);
		}

		@Bean
		ReactiveProblemHandler problemHandler() {
			return new ReactiveProblemHandler();
		}

		/** Before Boot's own error handler (order -1). */
		@Bean
		@Order(-2)
		@ConditionalOnMissingBean(ProblemExceptionHandler.class)
		ProblemExceptionHandler problemExceptionHandler(ProblemWriter problems) {
			return new ProblemExceptionHandler(problems);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Servlet {

		@Bean
		ServletProblemWriter servletProblemWriter(JsonMapper json) {
			return new ServletProblemWriter(json);
		}

		@Bean
		ServletProblemHandler problemHandler() {
			return new ServletProblemHandler();
		}

	}

}
