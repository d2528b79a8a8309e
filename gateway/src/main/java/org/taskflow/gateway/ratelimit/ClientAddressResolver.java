package org.taskflow.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client address to rate-limit by. {@code X-Forwarded-For} is only believed as far as
 * trusted proxies wrote it: with {@code n} trusted hops the client is the {@code n}-th
 * entry from the right, the one the outermost trusted proxy appended (Spring Cloud
 * Gateway's {@link XForwardedRemoteAddressResolver}). Anything to its left was written by
 * the client and is ignored. With no trusted hop the socket's peer is the client.
 */
final class ClientAddressResolver {

	private final RemoteAddressResolver resolver;

	ClientAddressResolver(int trustedHops) {
		this.resolver = (trustedHops > 0) ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedHops)
				: new RemoteAddressResolver() {
				};
	}

	String resolve(ServerWebExchange exchange) {
		InetSocketAddress remote = this.resolver.resolve(exchange);
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
