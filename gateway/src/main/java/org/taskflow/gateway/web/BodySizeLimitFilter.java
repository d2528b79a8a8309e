package org.taskflow.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.taskflow.support.web.ProblemWriter;
import org.taskflow.support.web.Problems;

/**
 * Rejects request bodies above {@link RequestLimits#maxBodySize()} with {@code 413}: up
 * front when {@code Content-Length} says so, and by counting when the body is chunked
 * (the stock {@code RequestSize} filter trusts {@code Content-Length} alone).
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

	private final long maxBytes;

	private final ProblemWriter problems;

	BodySizeLimitFilter(RequestLimits limits, ProblemWriter problems) {
		this.maxBytes = limits.maxBodySize().toBytes();
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return this.problems.write(exchange, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
					"Request body too large", "Request bodies are limited to " + this.maxBytes + " bytes."), (h) -> {
					});
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		AtomicLong seen = new AtomicLong();
		ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > BodySizeLimitFilter.this.maxBytes) {
						DataBufferUtils.release(buffer);
						sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
					}
					else {
						sink.next(buffer);
					}
				});
			}

		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

}
