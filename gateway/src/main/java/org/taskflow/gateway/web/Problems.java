package org.taskflow.gateway.web;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem responses from filters, where no controller advice reaches.
 * Uses the application's own codecs, so a problem looks the same wherever it comes from.
 */
@Component
public final class Problems {

	/**
	 * Base of the stable {@code type} URIs of the gateway's problems; the same scheme as
	 * every service's, a URN because it names a problem and is not a page to fetch.
	 */
	public static final String TYPE_BASE = "urn:taskflow:problem:";

	private final ServerResponse.Context context;

	Problems(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Consumer<HttpHeaders> headers) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.empty();
		}
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.headers(headers)
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

}
