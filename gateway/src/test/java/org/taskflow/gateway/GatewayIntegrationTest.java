package org.taskflow.gateway;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.taskflow.testsupport.IntegrationTest;

/**
 * Base of the gateway's integration tests: the gateway on a random port, real Redis from
 * test-support, stub services ({@link Backends}) and small limits so behaviour shows
 * within a few requests, and a short reload of the revoked sessions. The gateway trusts
 * one proxy hop, so each test poses as its own client address through
 * {@code X-Forwarded-For} and budgets never leak between tests.
 */
@IntegrationTest
@TestPropertySource(properties = { "taskflow.gateway.rate-limit.authenticated=5",
		"taskflow.gateway.rate-limit.anonymous=5", "taskflow.gateway.rate-limit.credentials=3",
		"taskflow.gateway.rate-limit.trusted-proxy-hops=1",
		"spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
		"resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
		"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
		"resilience4j.timelimiter.configs.default.timeout-duration=5s",
		"taskflow.gateway.edge.cors.allowed-origins=https://app.example.test",
		"taskflow.gateway.requests.max-body-size=1KB", "taskflow.gateway.requests.paths[0].path=/api/tasks/import",
		"taskflow.gateway.requests.paths[0].max-body-size=4KB",
		"taskflow.security.revoked-sessions.reload-interval=1s" })
abstract class GatewayIntegrationTest {

	static final String ALLOWED_ORIGIN = "https://app.example.test";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		Backends.register(registry);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** A client posing as a fresh address behind the trusted proxy. */
	WebTestClient client() {
		return client(randomAddress());
	}

	WebTestClient client(String clientAddress) {
		return WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.responseTimeout(Duration.ofSeconds(20))
			.defaultHeader("X-Forwarded-For", clientAddress)
			.build();
	}

	static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

}
