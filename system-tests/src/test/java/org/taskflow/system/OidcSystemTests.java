package org.taskflow.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.taskflow.system.Gateway.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OAuth2 and OpenID Connect as a third party meets them: only through the gateway, at the
 * public URL, with an independent client library (Nimbus OAuth 2.0 SDK with OpenID
 * Connect extensions) rather than anything of Spring's. The issuer a client discovers is
 * the URL it discovered it at, every endpoint is reachable there, and the tokens it gets
 * carry that issuer and are accepted by the services.
 */
@ExtendWith(RunningSuite.Extension.class)
class OidcSystemTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ClientID CLI = new ClientID("taskflow-cli");

	// registered for taskflow-cli; nothing listens there, the test reads the code off the
	// redirect
	private static final URI CALLBACK = URI.create("http://127.0.0.1:8765/callback");

	private static RunningSuite suite;

	private static URI publicUrl;

	private static OIDCProviderMetadata provider;

	@BeforeAll
	static void discover(RunningSuite running) throws Exception {
		suite = running;
		publicUrl = running.stack().gatewayUrl();
		// resolve() insists that the document's issuer is the one asked for
		provider = OIDCProviderMetadata.resolve(new Issuer(publicUrl));
	}

	@Test
	void discoveryThroughTheGatewayNamesThePublicUrlForEveryEndpoint() {
		assertThat(provider.getIssuer().getValue()).isEqualTo(publicUrl.toString());
		List<URI> endpoints = List.of(provider.getAuthorizationEndpointURI(), provider.getTokenEndpointURI(),
				provider.getUserInfoEndpointURI(), provider.getJWKSetURI(), provider.getEndSessionEndpointURI(),
				provider.getIntrospectionEndpointURI(), provider.getRevocationEndpointURI());
		assertThat(endpoints).allSatisfy((endpoint) -> assertThat(endpoint.toString()).startsWith(publicUrl + "/"));
		assertThat(provider.getScopes().toStringList()).contains("openid", "profile", "email");
		assertThat(provider.getCodeChallengeMethods()).contains(CodeChallengeMethod.S256);
	}

	@Test
	void authorizationCodeWithPkceThroughTheGatewayGivesTokensTheServicesAccept() throws Exception {
		Person grace = suite.gateway().signUp("Grace");
		Browser browser = new Browser();
		CodeVerifier verifier = new CodeVerifier();
		Nonce nonce = new Nonce();

		AuthorizationCode code = browser.authorize(grace, verifier, nonce);
		TokenRequest exchange = new TokenRequest(provider.getTokenEndpointURI(), CLI,
				new AuthorizationCodeGrant(code, CALLBACK, verifier));
		TokenResponse response = OIDCTokenResponseParser.parse(exchange.toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString())
			.isTrue();
		OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();

		IDTokenClaimsSet idToken = new IDTokenValidator(provider.getIssuer(), CLI, JWSAlgorithm.RS256,
				provider.getJWKSetURI().toURL())
			.validate(tokens.getOIDCTokens().getIDToken(), nonce);
		assertThat(idToken.getSubject().getValue()).isEqualTo(grace.id());
		AccessToken access = tokens.getOIDCTokens().getAccessToken();
		assertThat(JWTParser.parse(access.getValue()).getJWTClaimsSet().getIssuer()).isEqualTo(publicUrl.toString());

		UserInfoResponse userInfo = UserInfoResponse
			.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(), (BearerAccessToken) access).toHTTPRequest()
				.send());
		assertThat(userInfo.indicatesSuccess()).isTrue();
		UserInfo claims = userInfo.toSuccessResponse().getUserInfo();
		assertThat(claims.getSubject().getValue()).isEqualTo(grace.id());
		assertThat(claims.getName()).isEqualTo("Grace");
		assertThat(claims.getEmailAddress()).isEqualTo(grace.email());

		// the gateway and the services behind it check the issuer of every token
		Person withThirdPartyToken = new Person(grace.id(), grace.email(), grace.name(), access.getValue(), "");
		assertThat(suite.gateway().get("/api/auth/me", withThirdPartyToken).status()).isEqualTo(200);
		assertThat(suite.gateway().get("/api/tasks", withThirdPartyToken).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> suite.gateway().get("/api/users/me", withThirdPartyToken).status() == 200);

		// ending the session at the end-session endpoint: the next authorization needs a
		// login again
		HttpResponse<String> loggedOut = browser
			.get(new LogoutRequest(provider.getEndSessionEndpointURI(), tokens.getOIDCTokens().getIDToken()).toURI());
		assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(302);
		HttpResponse<String> again = browser.get(authenticationRequest(new CodeVerifier(), new Nonce()).toURI());
		assertThat(browser.location(again)).isEqualTo(publicUrl + "/oauth2/login");
	}

	@Test
	void clientCredentialsThroughTheGatewayGiveATokenForThePublicIssuer() throws Exception {
		ClientSecretBasic taskService = new ClientSecretBasic(new ClientID("task-service"),
				new Secret("local-task-service-secret"));
		TokenResponse response = TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(), taskService,
				new ClientCredentialsGrant(), new Scope("users.read"))
			.toHTTPRequest()
			.send());
		assertThat(response.indicatesSuccess()).isTrue();
		AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
		assertThat(JWTParser.parse(token.getValue()).getJWTClaimsSet().getIssuer()).isEqualTo(publicUrl.toString());
		TokenIntrospectionResponse introspection = TokenIntrospectionResponse
			.parse(new TokenIntrospectionRequest(provider.getIntrospectionEndpointURI(), taskService, token)
				.toHTTPRequest()
				.send());
		assertThat(introspection.toSuccessResponse().isActive()).isTrue();

		// task-service's own client-credentials token, checked by user-service, is what
		// lets an assignment through
		Gateway gateway = suite.gateway();
		Person ada = gateway.signUp("Ada");
		Person bob = gateway.signUp("Bob");
		await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/users/me", bob).status() == 200);
		Gateway.Response assigned = gateway.post("/api/tasks", ada,
				Map.of("title", "Ask user-service", "assigneeIds", List.of(bob.id())));
		assertThat(assigned.status()).as(assigned.text()).isEqualTo(201);
	}

	@Test
	void aClientWithoutCredentialsGetsAnOAuth2Error() throws Exception {
		// by hand: the library will not build a client-credentials request without client
		// authentication
		HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, provider.getTokenEndpointURI());
		request.setEntityContentType(ContentType.APPLICATION_URLENCODED);
		request.setBody("grant_type=client_credentials&scope=users.read&client_id=task-service");
		HTTPResponse response = request.send();
		assertThat(response.getStatusCode()).isEqualTo(401);
		assertThat(TokenErrorResponse.parse(response).getErrorObject().getCode()).isEqualTo("invalid_client");
	}

	@Test
	void apiDocumentsThroughTheGatewaySayWhoseTheyAreAndWhatEachOperationDoesAndNameNoInternalAddress() {
		for (String service : List.of("auth", "user", "task", "notification")) {
			Gateway.Response document = suite.gateway().get("/v3/api-docs/" + service, null);
			assertThat(document.status()).as(service).isEqualTo(200);
			assertThat(document.json().at("/info/title").asString()).as(service)
				.isEqualTo("TaskFlow " + service + " API");
			assertThat(document.json().at("/info/version").asString()).as(service).isEqualTo("1");
			JsonNode servers = document.json().get("servers");
			assertThat(servers).as(service).isNotEmpty();
			servers.forEach((server) -> assertThat(server.get("url").asString()).as(service)
				.satisfiesAnyOf((url) -> assertThat(url).startsWith("/"),
						(url) -> assertThat(url).startsWith(publicUrl.toString())));
			assertThat(document.json().get("paths").propertyNames()).as(service)
				.anySatisfy((path) -> assertThat(path).startsWith("/api/" + service));
			// each operation says what it does, in a group named after its resource
			// ("Tasks") that is described too
			JsonNode tags = document.json().get("tags");
			document.json().get("paths").forEach((path) -> path.forEach((operation) -> {
				assertThat(operation.path("summary").asString()).as(service + ": " + operation.path("operationId"))
					.isNotBlank();
				operation.path("tags")
					.forEach((tag) -> assertThat(tags).as(service + ": tag " + tag).anySatisfy((declared) -> {
						assertThat(declared.get("name").asString()).isEqualTo(tag.asString());
						assertThat(declared.path("description").asString()).isNotBlank();
					}));
			}));
		}
	}

	/**
	 * The web app's API types (web/src/lib/api) are generated from these documents, and
	 * each document they were generated from is kept beside them: when a service's API
	 * moves on, this says which types to regenerate.
	 */
	@Test
	void theWebAppIsTypedFromTheDocumentsTheServicesServe() throws IOException {
		for (String service : List.of("auth", "user", "task", "notification")) {
			Gateway.Response document = suite.gateway().get("/v3/api-docs/" + service, null);
			assertThat(document.status()).as(service).isEqualTo(200);
			ObjectNode served = (ObjectNode) document.json().deepCopy();
			ObjectNode typed = (ObjectNode) JSON
				.readTree(Files.readString(Path.of("..", "web", "src", "lib", "api", service + ".openapi.json")));
			// where the documents say they are served differs between stacks
			served.remove("servers");
			typed.remove("servers");
			assertThat(differences(served, typed))
				.as("%s's API moved on from web/src/lib/api/%s.ts: with ./run-local up, run npm run api:types in web/",
						service, service)
				.isEmpty();
			assertThat(served).as(service).isEqualTo(typed);
		}
	}

	/** The paths and schemas that differ between two OpenAPI documents, by name. */
	private static List<String> differences(JsonNode served, JsonNode typed) {
		return Stream.of("/paths", "/components/schemas").flatMap((section) -> {
			Set<String> names = new TreeSet<>(served.at(section).propertyNames());
			names.addAll(typed.at(section).propertyNames());
			return names.stream()
				.filter((name) -> !served.at(section).path(name).equals(typed.at(section).path(name)))
				.map((name) -> section + "/" + name);
		}).toList();
	}

	private static AuthenticationRequest authenticationRequest(CodeVerifier verifier, Nonce nonce) {
		return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile", "email"), CLI,
				CALLBACK)
			.endpointURI(provider.getAuthorizationEndpointURI())
			.state(new State())
			.nonce(nonce)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.build();
	}

	/**
	 * A person's browser, as far as the flow needs one: cookies kept, redirects shown
	 * rather than followed, and every page asked of the public URL.
	 */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		AuthorizationCode authorize(Person person, CodeVerifier verifier, Nonce nonce) throws Exception {
			AuthenticationRequest request = authenticationRequest(verifier, nonce);
			String login = location(get(request.toURI()));
			assertThat(login).as("the login page at the public URL, not at auth-service's own address")
				.isEqualTo(publicUrl + "/oauth2/login");

			HttpResponse<String> form = get(URI.create(login));
			assertThat(form.statusCode()).isEqualTo(200);
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
			assertThat(csrf.find()).as(form.body()).isTrue();
			HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create(login))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(person.email()) + "&password="
						+ encode(Gateway.PASSWORD) + "&_csrf=" + encode(csrf.group(1)))));
			String back = location(loggedIn);
			assertThat(back).startsWith(publicUrl + "/oauth2/authorize");

			URI toClient = URI.create(location(get(URI.create(back))));
			assertThat(toClient.toString()).startsWith(CALLBACK.toString());
			AuthorizationResponse response = AuthorizationResponse.parse(toClient);
			assertThat(response.getState()).isEqualTo(request.getState());
			assertThat(response.indicatesSuccess()).as(toClient.toString()).isTrue();
			return response.toSuccessResponse().getAuthorizationCode();
		}

		HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
		}

		/** Where a redirect leads, resolved as a browser resolves it. */
		String location(HttpResponse<String> response) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
			return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
