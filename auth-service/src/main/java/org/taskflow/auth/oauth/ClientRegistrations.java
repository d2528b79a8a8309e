package org.taskflow.auth.oauth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.taskflow.auth.AuthProperties;

/**
 * Registers the configured OAuth2 clients before the service reports ready. Idempotent: a
 * client keeps its id across restarts and replicas, and its settings follow the
 * configuration.
 */
@Component
class ClientRegistrations implements ApplicationRunner {

	private final RegisteredClientRepository clients;

	private final PasswordEncoder passwords;

	private final AuthProperties properties;

	ClientRegistrations(RegisteredClientRepository clients, PasswordEncoder passwords, AuthProperties properties) {
		this.clients = clients;
		this.passwords = passwords;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Map.Entry<String, AuthProperties.Client> entry : this.properties.clients().entrySet()) {
			this.clients.save(registration(entry.getKey(), entry.getValue()));
		}
	}

	private RegisteredClient registration(String clientId, AuthProperties.Client client) {
		RegisteredClient existing = this.clients.findByClientId(clientId);
		boolean confidential = client.secret() != null && !client.secret().isBlank();
		RegisteredClient.Builder builder = RegisteredClient
			.withId((existing != null) ? existing.getId() : UUID.randomUUID().toString())
			.clientId(clientId)
			.clientAuthenticationMethod(
					confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE)
			.clientSettings(ClientSettings.builder().requireProofKey(!confidential).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(this.properties.accessTokenTtl())
				.refreshTokenTimeToLive(this.properties.refreshTokenTtl())
				.reuseRefreshTokens(false)
				.authorizationCodeTimeToLive(Duration.ofMinutes(2))
				.build());
		if (confidential) {
			builder.clientSecret(this.passwords.encode(client.secret()));
		}
		client.grantTypes().forEach((grant) -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
		if (client.grantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue())) {
			builder.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
		}
		if (client.scopes() != null) {
			client.scopes().forEach(builder::scope);
		}
		if (client.redirectUris() != null) {
			client.redirectUris().forEach(builder::redirectUri);
		}
		return builder.build();
	}

}
