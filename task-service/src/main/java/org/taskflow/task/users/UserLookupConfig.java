package org.taskflow.task.users;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The user-service client: a WebClient that carries task-service's own client_credentials
 * token (registration {@code user-lookup}, fetched from auth-service and cached until it
 * expires, outside any user's request), wrapped in a time limit per attempt and a circuit
 * breaker (Spring Cloud CircuitBreaker on Resilience4j: the breaker lives in the
 * registry, with its metrics and health entry) and a retry.
 */
@Configuration(proxyBeanMethods = false)
class UserLookupConfig {

	static final String REGISTRATION = "user-lookup";

	/** The breaker's name in the Resilience4j registry, its metrics and health. */
	static final String BREAKER = "user-service";

	@Bean
	UserDirectory userDirectory(WebClient.Builder builder, ReactiveClientRegistrationRepository registrations,
			ReactiveOAuth2AuthorizedClientService authorizedClients, UserLookupProperties properties,
			UserLookupProperties.Services services, ReactiveResilience4JCircuitBreakerFactory breakers) {
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(
				ReactiveOAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				manager);
		oauth.setDefaultClientRegistrationId(REGISTRATION);
		WebClient client = builder.clone().baseUrl(services.user().toString()).filter(oauth).build();
		return new UserDirectory(client, breakers.create(BREAKER), retry(properties), properties.openFor());
	}

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> userServiceBreaker(UserLookupProperties properties) {
		return (factory) -> factory
			.configure(
					(breaker) -> breaker
						.circuitBreakerConfig(CircuitBreakerConfig.custom()
							.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
							.slidingWindowSize(Math.max(10, properties.minimumCalls()))
							.minimumNumberOfCalls(properties.minimumCalls())
							.failureRateThreshold(properties.failureRateThreshold())
							.waitDurationInOpenState(properties.openFor())
							.permittedNumberOfCallsInHalfOpenState(2)
							.build())
						.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).build()),
					BREAKER);
	}

	private static Retry retry(UserLookupProperties properties) {
		return Retry.of(BREAKER,
				RetryConfig.custom()
					.maxAttempts(properties.maxAttempts())
					.waitDuration(properties.retryBackoff())
					.retryOnException(UserLookupConfig::mayPass)
					.build());
	}

	/**
	 * A timeout, a refused connection or a 5xx may pass; a 4xx or an open circuit will
	 * not.
	 */
	private static boolean mayPass(Throwable ex) {
		if (ex instanceof CallNotPermittedException) {
			return false;
		}
		if (ex instanceof WebClientResponseException response) {
			return response.getStatusCode().is5xxServerError();
		}
		return ex instanceof TimeoutException || ex instanceof WebClientRequestException;
	}

}
