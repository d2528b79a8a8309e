package org.taskflow.auth.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.taskflow.auth.AuthProperties;
import org.taskflow.auth.accounts.AccountService;
import org.taskflow.auth.keys.SigningKeys;
import org.taskflow.auth.oauth.AuthorizationErrorHandler;
import org.taskflow.auth.oauth.ClientAuthenticationEntryPoint;
import org.taskflow.auth.oauth.LoginPage;
import org.taskflow.auth.oauth.UserInfoClaims;
import org.taskflow.support.security.ServletResourceServer;

/**
 * Three filter chains: the OAuth2/OIDC endpoints of Spring Authorization Server; the
 * first-party JSON API under {@code /api/auth} and the dead-letter replay (TaskFlow's
 * resource server: stateless, bearer tokens, problem details); and the rest (the login
 * page of the authorization-code flow, checked and throttled as the API login is, the API
 * document, actuator). Every absolute URL is built from the public URL
 * ({@link PublicUrlFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, AuthorizationServerSettings settings,
			AuthProperties properties, AccountService accounts) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.authorizationEndpoint((endpoint) -> endpoint.errorResponseHandler(new AuthorizationErrorHandler()))
				.oidc((oidc) -> oidc.providerConfigurationEndpoint((discovery) -> discovery
					.providerConfigurationCustomizer((document) -> document.scopes((scopes) -> {
						scopes.clear();
						scopes.addAll(supportedScopes(properties));
					}).claim("claims_supported", UserInfoClaims.SUPPORTED)))
					.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(new UserInfoClaims(accounts))));
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// the UserInfo endpoint takes the access token as a bearer token
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new ClientAuthenticationEntryPoint(), clientEndpoints(settings))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LoginPage.PATH),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	/**
	 * The endpoints where a client (not a person) authenticates: without credentials the
	 * answer is an OAuth2 error, not the login page.
	 */
	private static RequestMatcher clientEndpoints(AuthorizationServerSettings settings) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(paths.matcher(settings.getTokenEndpoint()),
				paths.matcher(settings.getTokenIntrospectionEndpoint()),
				paths.matcher(settings.getTokenRevocationEndpoint()),
				paths.matcher(settings.getPushedAuthorizationRequestEndpoint()),
				paths.matcher(settings.getDeviceAuthorizationEndpoint()));
	}

	/** Discovery's {@code scopes_supported}: OpenID Connect's and every client's. */
	private static Set<String> supportedScopes(AuthProperties properties) {
		Set<String> scopes = new LinkedHashSet<>(List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL));
		properties.clients().values().forEach((client) -> {
			if (client.scopes() != null) {
				scopes.addAll(client.scopes());
			}
		});
		return scopes;
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ServletResourceServer resourceServer) throws Exception {
		// Bearer tokens are not sent by browsers on their own; the cookie endpoints check
		// Origin (sessions), so the resource server goes without CSRF tokens.
		return resourceServer.configure(http.securityMatcher("/api/auth/**", "/actuator/deadletters/**"))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/api/auth/signup", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout")
				.permitAll()
				.requestMatchers("/api/auth/admin/**", "/actuator/deadletters/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain rest(HttpSecurity http, Customizer<FormLoginConfigurer<HttpSecurity>> formLogin)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/error")
			.permitAll()
			// the API document, for the gateway's Swagger UI
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
			.permitAll()
			.anyRequest()
			.authenticated()).formLogin((form) -> {
				formLogin.customize(form);
				form.loginPage(LoginPage.PATH).permitAll();
			});
		return http.build();
	}

	/**
	 * Builds absolute URLs from the public URL only; first, so that everything after it
	 * sees the public scheme, host and port.
	 */
	@Bean
	FilterRegistrationBean<PublicUrlFilter> publicUrlFilter(AuthProperties properties) {
		FilterRegistrationBean<PublicUrlFilter> registration = new FilterRegistrationBean<>(
				new PublicUrlFilter(properties.issuer()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	SigningKeys signingKeys(AuthProperties properties) {
		return SigningKeys.load(properties.keys());
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return new ImmutableJWKSet<>(keys.jwkSet());
	}

	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
		return new NimbusJwtEncoder(jwkSource);
	}

	/**
	 * How this service checks tokens, the same way every other service does: signature,
	 * time, issuer, audience.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AuthProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(properties.audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(properties.issuer()), audience));
		return decoder;
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
		// every browser-facing endpoint under /oauth2, which the gateway routes here (the
		// defaults /userinfo and /connect/logout would be the web app's paths at the
		// edge)
		return AuthorizationServerSettings.builder()
			.issuer(properties.issuer())
			.oidcUserInfoEndpoint("/oauth2/userinfo")
			.oidcLogoutEndpoint("/oauth2/logout")
			.build();
	}

	/**
	 * Argon2id for new hashes; the prefix lets a later algorithm take over without a
	 * migration.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2",
				java.util.Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

}
