package org.taskflow.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client address to rate-limit by. {@code X-Forwarded-For} is only believed as far as
 * trusted proxies wrote it: with {@code n} trusted hops the client is the {@code n}-th
 * entry from the right, the one the outermost trusted proxy appended. Anything to its
 * left was written by the client and is ignored.
 */
final class ClientAddressResolver {

	private final int trustedHops;

	ClientAddressResolver(int trustedHops) {
		this.trustedHops = trustedHops;
	}

	String resolve(ServerHttpRequest request) {
		if (this.trustedHops > 0) {
			List<String> hops = forwardedFor(request);
			if (!hops.isEmpty()) {
				return hops.get(Math.max(0, hops.size() - this.trustedHops));
			}
		}
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	private static List<String> forwardedFor(ServerHttpRequest request) {
		List<String> hops = new ArrayList<>();
		for (String header : request.getHeaders().getValuesAsList("X-Forwarded-For")) {
			String hop = header.trim();
			if (!hop.isEmpty()) {
				hops.add(hop);
			}
		}
		return hops;
	}

}
