package org.taskflow.task.users;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * task-service's own token for user-service: fetched once and reused while it is valid,
 * so that a lookup neither costs a call to auth-service nor fails while auth-service is
 * away and the token still holds.
 */
class ServiceTokenTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final ClientRegistration REGISTRATION = ClientRegistration
		.withRegistrationId(UserLookupConfig.REGISTRATION)
		.clientId("task-service")
		.clientSecret("secret")
		.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
		.tokenUri("http://auth-service/oauth2/token")
		.build();

	private static final Authentication SERVICE = new UsernamePasswordAuthenticationToken("task-service", null);

	private final AtomicInteger fetched = new AtomicInteger();

	@Test
	void reusesAShortLivedTokenInsteadOfFetchingOneForEveryLookup() {
		ReactiveOAuth2AuthorizedClientProvider tokens = tokensLiving(Duration.ofSeconds(45));
		OAuth2AuthorizedClient first = authorize(tokens,
				OAuth2AuthorizationContext.withClientRegistration(REGISTRATION));

		StepVerifier
			.create(tokens.authorize(OAuth2AuthorizationContext.withAuthorizedClient(first).principal(SERVICE).build()))
			.as("nothing to do: the token holds")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.fetched).hasValue(1);
	}

	@Test
	void fetchesANewTokenShortlyBeforeTheOldOneExpires() {
		ReactiveOAuth2AuthorizedClientProvider tokens = tokensLiving(Duration.ofSeconds(5));
		OAuth2AuthorizedClient first = authorize(tokens,
				OAuth2AuthorizationContext.withClientRegistration(REGISTRATION));

		OAuth2AuthorizedClient next = authorize(tokens, OAuth2AuthorizationContext.withAuthorizedClient(first));

		assertThat(next.getAccessToken().getTokenValue()).isEqualTo("token-2");
		assertThat(this.fetched).hasValue(2);
	}

	/**
	 * The provider task-service uses, on a token endpoint issuing tokens that live
	 * {@code ttl}.
	 */
	private ReactiveOAuth2AuthorizedClientProvider tokensLiving(Duration ttl) {
		return UserLookupConfig.serviceTokens(
				(request) -> Mono.just(OAuth2AccessTokenResponse.withToken("token-" + this.fetched.incrementAndGet())
					.tokenType(OAuth2AccessToken.TokenType.BEARER)
					.expiresIn(ttl.toSeconds())
					.build()));
	}

	private static OAuth2AuthorizedClient authorize(ReactiveOAuth2AuthorizedClientProvider tokens,
			OAuth2AuthorizationContext.Builder context) {
		OAuth2AuthorizedClient[] authorized = new OAuth2AuthorizedClient[1];
		StepVerifier.create(tokens.authorize(context.principal(SERVICE).build()))
			.consumeNextWith((client) -> authorized[0] = client)
			.expectComplete()
			.verify(TIMEOUT);
		return authorized[0];
	}

}
