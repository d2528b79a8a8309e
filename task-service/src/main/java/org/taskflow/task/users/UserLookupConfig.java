package org.taskflow.task.users;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
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

	/**
	 * How long before its expiry the service token is renewed. Spring's default, 60 s,
	 * outlasts a short token lifetime (the system tests' 45 s) and then fetched a token
	 * for every lookup: a token request per assignment, and assignments failing the
	 * moment auth-service was away. A lookup with its retry ends within 5 s, and
	 * user-service accepts a token up to its clock skew (60 s) past expiry.
	 */
	static final Duration TOKEN_RENEWAL_MARGIN = Duration.ofSeconds(10);

	/** The breaker's name in the Resilience4j registry, its metrics and health. */
	static final String BREAKER = "user-service";

	@Bean
	UserDirectory userDirectory(WebClient.Builder builder, ReactiveClientRegistrationRepository registrations,
			ReactiveOAuth2AuthorizedClientService authorizedClients, UserLookupProperties properties,
			UserLookupProperties.Services services, ReactiveResilience4JCircuitBreakerFactory breakers) {
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(serviceTokens(new WebClientReactiveClientCredentialsTokenResponseClient()));
		ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				manager);
		oauth.setDefaultClientRegistrationId(REGISTRATION);
		WebClient client = builder.clone().baseUrl(services.user().toString()).filter(oauth).build();
		return new UserDirectory(client, breakers.create(BREAKER), retry(properties), properties.openFor());
	}

	/**
	 * task-service's own token, fetched with {@code tokens} and reused until shortly
	 * before it expires.
	 */
	static ReactiveOAuth2AuthorizedClientProvider serviceTokens(
			ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokens) {
		return ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((grant) -> grant.accessTokenResponseClient(tokens).clockSkew(TOKEN_RENEWAL_MARGIN))
			.build();
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

	/** The breaker in {@code /actuator/health}, as {@code userServiceBreaker}. */
	@Bean
	HealthIndicator userServiceBreakerHealthIndicator(CircuitBreakerRegistry registry) {
		return new BreakerHealth(registry, BREAKER);
	}

	static Retry retry(UserLookupProperties properties) {
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
