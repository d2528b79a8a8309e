package org.taskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
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
