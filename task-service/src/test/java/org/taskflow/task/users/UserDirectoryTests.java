package org.taskflow.task.users;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup's retry, behind Spring Cloud's circuit breaker API: a failure that may pass
 * is tried again.
 */
class UserDirectoryTests {

	private static final UserLookupProperties PROPERTIES = new UserLookupProperties(Duration.ofSeconds(2), 2,
			Duration.ofMillis(10), 50, 5, Duration.ofSeconds(10));

	/**
	 * Lets every call through and, like Spring Cloud's breakers, hands failures to the
	 * fallback ({@code run} without one wraps them in NoFallbackAvailableException).
	 */
	private static final ReactiveCircuitBreaker CLOSED = new ReactiveCircuitBreaker() {

		@Override
		public <T> Mono<T> run(Mono<T> toRun, Function<Throwable, Mono<T>> fallback) {
			return toRun.onErrorResume(fallback);
		}

		@Override
		public <T> Flux<T> run(Flux<T> toRun, Function<Throwable, Flux<T>> fallback) {
			return toRun.onErrorResume(fallback);
		}

	};

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void triesALookupAgainWhenUserServiceCouldNotBeReached() {
		WebClient userService = WebClient.builder().exchangeFunction((request) -> {
			if (this.calls.incrementAndGet() == 1) {
				return Mono.error(new WebClientRequestException(new ConnectException("refused"), HttpMethod.GET,
						URI.create("http://user-service/internal/users"), new HttpHeaders()));
			}
			return Mono.just(ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.body("[{\"id\":\"ada\",\"active\":true}]")
				.build());
		}).build();
		UserDirectory directory = new UserDirectory(userService, CLOSED, UserLookupConfig.retry(PROPERTIES),
				PROPERTIES.openFor());

		StepVerifier.create(directory.requireActive(List.of("ada"))).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(this.calls).hasValue(2);
	}

}
