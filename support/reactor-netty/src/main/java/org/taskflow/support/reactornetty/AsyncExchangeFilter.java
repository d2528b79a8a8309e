package org.taskflow.support.reactornetty;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Handles every exchange on a parallel worker instead of the event loop that read the
 * request, so that no response completes while Reactor Netty is still dispatching it.
 * <p>
 * Why: Reactor Netty 1.3.6 can stop reading a keep-alive connection for good. A client
 * sends its next request as soon as the last byte of a response is in, often before the
 * server has finished with that response, so the request is queued; if the queued request
 * is then answered at once, within the dispatch (a {@code 304} for a revalidated file, a
 * {@code 401} or {@code 403} from the security chain), nobody asks the connection for its
 * next read, and every later request on it waits until the client gives up
 * (reactor/reactor-netty#4361, fixed after 1.3.6). In the browser that is a page stuck on
 * "Loading…" now and then; between the gateway and a service, a pooled connection whose
 * next request ends in a 504 after the gateway's response time-out.
 * <p>
 * The cost is one hand-off per request; remove this module once Reactor Netty is newer
 * than 1.3.6. Narrower hand-offs do not fix it: moving only the commit of a response
 * written at once, or only the end of such an exchange, to a worker still left the
 * connection unread. Every WebFlux server proves the fix with
 * {@code KeptAliveConnectionContract} (test-support), which fails without this filter.
 */
class AsyncExchangeFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
	}

}
