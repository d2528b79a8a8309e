package org.taskflow.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTests {

	@Test
	void usesTheSocketAddressWhenNoProxyIsTrusted() {
		assertThat(new ClientAddressResolver(0).resolve(request("1.2.3.4, 5.6.7.8"))).isEqualTo("192.0.2.1");
	}

	@Test
	void believesForwardedForOnlyAsFarAsTrustedHopsWroteIt() {
		assertThat(new ClientAddressResolver(1).resolve(request("6.6.6.6, 5.6.7.8"))).isEqualTo("5.6.7.8");
		assertThat(new ClientAddressResolver(2).resolve(request("6.6.6.6, 1.2.3.4, 10.0.0.1"))).isEqualTo("1.2.3.4");
	}

	@Test
	void takesTheLeftmostWhenFewerHopsThanTrustedAndTheSocketWithoutHeader() {
		assertThat(new ClientAddressResolver(3).resolve(request("1.2.3.4"))).isEqualTo("1.2.3.4");
		assertThat(new ClientAddressResolver(1).resolve(request(null))).isEqualTo("192.0.2.1");
	}

	private static MockServerWebExchange request(String forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/tasks")
			.remoteAddress(new InetSocketAddress("192.0.2.1", 40000));
		if (forwardedFor != null) {
			builder.header("X-Forwarded-For", forwardedFor);
		}
		return MockServerWebExchange.from(builder.build());
	}

}
