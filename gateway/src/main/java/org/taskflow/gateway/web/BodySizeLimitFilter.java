package org.taskflow.gateway.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.taskflow.support.web.ProblemWriter;
import org.taskflow.support.web.Problems;

/**
 * Rejects request bodies above {@link RequestLimits#maxBodySize()} (or the limit of the
 * first {@link RequestLimits#paths()} entry that matches) with {@code 413}: up front when
 * {@code Content-Length} says so, and by counting when the body is chunked (the stock
 * {@code RequestSize} filter trusts {@code Content-Length} alone).
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

	private final long maxBytes;

	private final List<Limit> paths;

	private final ProblemWriter problems;

	BodySizeLimitFilter(RequestLimits limits, ProblemWriter problems) {
		this.maxBytes = limits.maxBodySize().toBytes();
		this.paths = limits.paths()
			.stream()
			.map((limit) -> new Limit(PathPatternParser.defaultInstance.parse(limit.path()),
					limit.maxBodySize().toBytes()))
			.toList();
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long maxBytes = maxBytes(exchange.getRequest().getPath().pathWithinApplication());
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > maxBytes) {
			return this.problems.write(exchange, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
					"Request body too large", "Request bodies here are limited to " + maxBytes + " bytes."), (h) -> {
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
					if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
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

	private long maxBytes(PathContainer path) {
		for (Limit limit : this.paths) {
			if (limit.pattern().matches(path)) {
				return limit.maxBytes();
			}
		}
		return this.maxBytes;
	}

	private record Limit(PathPattern pattern, long maxBytes) {

	}

}
