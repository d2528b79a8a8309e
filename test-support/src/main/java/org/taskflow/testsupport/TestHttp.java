package org.taskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends a test's request and reads the answer as text. A service that cannot be reached
 * fails the test where it is called, with the cause, so the services' HTTP helpers need
 * not declare checked exceptions on every call.
 */
public final class TestHttp {

	private TestHttp() {
	}

	/** GETs a path of a service on this machine, without credentials. */
	public static HttpResponse<String> get(int port, String path) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build());
		}
	}

	public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
