package org.taskflow.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's if it is a sane token, a new
 * UUID otherwise. It goes downstream as a request header, back to the caller as a
 * response header (errors included, so this runs first), into the exchange's attributes
 * and into the Reactor context. The gateway's own log lines about a request put it in the
 * logging MDC as {@code requestId} with {@link #inLogs(ServerWebExchange)}: Reactor does
 * not copy its context into thread locals on every signal here (automatic context
 * propagation took about 40% of the gateway's CPU, benchmarks/README.md).
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

	public static final String HEADER = "X-Request-Id";

	/** Key in the Reactor context and the MDC. */
	public static final String CONTEXT_KEY = "requestId";

	/** Exchange attribute holding the request id. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	// Anything else (too long, spaces, control characters) could forge log lines.
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	static {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(CONTEXT_KEY, () -> MDC.get(CONTEXT_KEY), (id) -> MDC.put(CONTEXT_KEY, id),
					() -> MDC.remove(CONTEXT_KEY));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (incoming != null && ACCEPTABLE.matcher(incoming).matches()) ? incoming
				: UUID.randomUUID().toString();
		ServerWebExchange tagged = exchange.mutate()
			.request((request) -> request.headers((h) -> h.set(HEADER, id)))
			.build();
		tagged.getAttributes().put(ATTRIBUTE, id);
		tagged.getResponse().getHeaders().set(HEADER, id);
		tagged.getResponse().beforeCommit(() -> {
			// an upstream response may have replaced or dropped it
			tagged.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(tagged).contextWrite((context) -> context.put(CONTEXT_KEY, id));
	}

	/**
	 * Puts the exchange's request id in the logging MDC until the returned handle is
	 * closed; for a log line written about that request.
	 */
	public static MDC.MDCCloseable inLogs(ServerWebExchange exchange) {
		String id = exchange.getAttribute(ATTRIBUTE);
		return MDC.putCloseable(CONTEXT_KEY, (id != null) ? id : "");
	}

}
