package org.taskflow.support.reactornetty;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request target (path and query) over 8 KB with a {@code 414} problem, the
 * length RFC 9112 asks every server to accept.
 * <p>
 * Why here and not in Reactor Netty's decoder: Reactor Netty 1.3.6 answers a request line
 * it cannot decode itself, and when that request came on a kept-alive connection right
 * after an answer, it sometimes never answers it: the client waits until its time-out (15
 * of 300 tries on notification-service, 5 of 300 through the gateway).
 * {@link RequestLineDefaults} therefore lets lines up to 64 KB through the decoder, and
 * this filter answers them, after the {@link AsyncExchangeFilter}'s hand-off, as a
 * problem a client can read.
 */
class RequestTargetLimitFilter implements WebFilter, Ordered {

	private static final int MAX_REQUEST_TARGET = 8 * 1024;

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		URI uri = exchange.getRequest().getURI();
		int length = uri.getRawPath().length() + ((uri.getRawQuery() != null) ? uri.getRawQuery().length() + 1 : 0);
		if (length > MAX_REQUEST_TARGET) {
			return Mono.error(new ResponseStatusException(HttpStatus.URI_TOO_LONG));
		}
		return chain.filter(exchange);
	}

}
