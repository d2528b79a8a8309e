package org.taskflow.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.taskflow.testsupport.KeptAliveConnection;
import org.taskflow.testsupport.KeptAliveConnectionContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app as the gateway serves it, checked against the real build output of the
 * {@code web} module on the classpath (its hashed file names are read from its
 * {@code index.html}).
 */
class SpaIntegrationTests extends GatewayIntegrationTest implements KeptAliveConnectionContract {

	private static final String APP_ROOT = "<div id=\"root\">";

	private static String entryScript;

	@BeforeAll
	static void readTheBuild() throws IOException {
		Matcher script = Pattern.compile("<script type=\"module\" crossorigin src=\"(/assets/[^\"]+\\.js)\"")
			.matcher(text("index.html"));
		assertThat(script.find()).as("index.html names its entry script").isTrue();
		entryScript = script.group(1);
	}

	@Test
	void servesTheAppShellUncached() {
		for (String path : List.of("/", "/index.html")) {
			client().get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("<title>TaskFlow</title>", APP_ROOT));
		}
	}

	@Test
	void cachesHashedAssetsForAYearAsImmutable() {
		client().get()
			.uri(entryScript)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CONTENT_TYPE, (v) -> assertThat(v).contains("javascript"))
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (v) -> assertThat(v).contains("max-age=31536000", "public", "immutable"));
	}

	@Test
	void answersClientSideRoutesWithTheAppShell() {
		for (String path : List.of("/tasks", "/tasks/123", "/account")) {
			client().get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains(APP_ROOT));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/nothing-here", "/oauth2/nothing-here", "/.well-known/nothing-here",
			"/actuator/nothing-here", "/v3/nothing-here", "/swagger-ui/nothing-here", "/assets/missing-123.js" })
	void neverAnswersServerPathsOrMissingFilesWithTheAppShell(String path) {
		client().get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.forNewUser()))
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body == null ? "" : body).doesNotContain(APP_ROOT));
	}

	@Test
	void servesTheBrotliCopyToClientsThatAcceptBrotli() throws Exception {
		HttpResponse<byte[]> response = fetch(entryScript, "gzip, deflate, br");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("br");
		assertThat(response.headers().allValues(HttpHeaders.VARY))
			.anySatisfy((vary) -> assertThat(vary).containsIgnoringCase(HttpHeaders.ACCEPT_ENCODING));
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
		assertThat(response.body()).isEqualTo(bytes(entryScript.substring(1) + ".br"));
	}

	@Test
	void servesTheGzipCopyToClientsThatAcceptOnlyGzip() throws Exception {
		HttpResponse<byte[]> response = fetch("/tasks", "gzip, br;q=0");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.TEXT_HTML_VALUE));
		assertThat(response.body()).isEqualTo(bytes("index.html.gz"));
	}

	@Test
	void servesTheFileAsItIsToClientsThatAcceptNoEncoding() throws Exception {
		HttpResponse<byte[]> response = fetch(entryScript, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
		assertThat(response.body()).isEqualTo(bytes(entryScript.substring(1)));
	}

	/**
	 * A browser revalidates a file on the connection that has just carried a script, and
	 * goes on using that connection: every request must be answered (Reactor Netty 1.3.6
	 * stopped reading such a connection now and then, see support-reactor-netty). Raw
	 * HTTP over one socket, so that the connection is surely the same.
	 */
	@Test
	void keepsAnsweringAKeepAliveConnectionAfterAScriptAndARevalidation() throws IOException {
		try (KeptAliveConnection connection = KeptAliveConnection.open(this.port)) {
			String lastModified = KeptAliveConnection
				.header(connection.exchange(KeptAliveConnection.request("GET /favicon.svg")), "last-modified");
			for (int i = 0; i < 100; i++) {
				String step = "round " + i + ": ";
				assertThat(
						connection.exchange(KeptAliveConnection.request("GET " + entryScript, "Accept-Encoding: br")))
					.as(step + "script")
					.startsWith("HTTP/1.1 200");
				assertThat(connection
					.exchange(KeptAliveConnection.request("GET /favicon.svg", "If-Modified-Since: " + lastModified)))
					.as(step + "revalidation")
					.startsWith("HTTP/1.1 304");
				assertThat(connection.exchange(refusedRequest())).as(step + "API call without a token")
					.startsWith("HTTP/1.1 401");
			}
		}
	}

	/** An API call that takes 100 ms at the backend. */
	@Override
	public String protectedPath() {
		return "/api/tasks/slow?ms=100";
	}

	/** The gateway's own issuer, and an address of its own for the rate limits. */
	@Override
	public String slowRequest() {
		return KeptAliveConnection.request("GET " + protectedPath(), "X-Forwarded-For: " + randomAddress(),
				"Authorization: " + bearer(TestTokens.forNewUser()));
	}

	@Override
	public String refusedRequest() {
		return KeptAliveConnection.request("GET " + protectedPath(), "X-Forwarded-For: " + randomAddress());
	}

	/**
	 * The JDK's client, because WebTestClient's asks for gzip itself and decodes it
	 * before a test can see what was sent.
	 */
	private HttpResponse<byte[]> fetch(String path, String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("X-Forwarded-For", randomAddress())
			.timeout(Duration.ofSeconds(20));
		if (acceptEncoding != null) {
			request.header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
	}

	@Test
	void keepsTheContentSecurityPolicyFreeOfInlineScriptAndStyle() throws IOException {
		client().get()
			.uri("/")
			.exchange()
			.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("script-src 'self'", "style-src 'self'")
				.doesNotContain("unsafe-inline", "unsafe-eval"));
		// and the app needs none: no inline script, style element or style attribute in
		// the shell
		assertThat(text("index.html")).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
			.doesNotContain("<style")
			.doesNotContain(" style=");
	}

	private static String text(String path) throws IOException {
		return new String(bytes(path), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String path) throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/resources/" + path).getInputStream()) {
			return in.readAllBytes();
		}
	}

}
