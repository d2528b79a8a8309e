package org.taskflow.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.WebExceptionHandler;

/** Problem documents for every error a service returns. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebSupportAutoConfiguration {

	@Bean
	ProblemWriter problemWriter(ServerCodecConfigurer codecs) {
		return new ProblemWriter(codecs);
	}

	@Bean
	ProblemHandler problemHandler() {
		return new ProblemHandler();
	}

	/** Before Boot's own error handler (order -1). */
	@Bean
	@Order(-2)
	WebExceptionHandler problemExceptionHandler(ProblemWriter problems) {
		return new ProblemExceptionHandler(problems);
	}

}
