package org.taskflow.gateway.ratelimit;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the services behind the gateway learn of the client: exactly one
 * {@code X-Forwarded-For}, the address the gateway itself believes
 * ({@link ClientAddressResolver}: the socket's peer, or the entry the outermost trusted
 * proxy wrote). Every {@code Forwarded} and {@code X-Forwarded-*} header the client sent
 * is dropped, so nobody can choose the address auth-service throttles logins by or lists
 * among a person's sessions.
 */
final class ClientAddressForwarding implements HttpHeadersFilter, Ordered {

	private final ClientAddressResolver clients;

	ClientAddressForwarding(ClientAddressResolver clients) {
		this.clients = clients;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders forwarded = new HttpHeaders();
		input.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.equals("forwarded") && !lower.startsWith("x-forwarded-")) {
				forwarded.addAll(name, values);
			}
		});
		forwarded.set("X-Forwarded-For", this.clients.resolve(exchange));
		return forwarded;
	}

	/** After Spring Cloud Gateway's own header filters, so that none adds to it again. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
