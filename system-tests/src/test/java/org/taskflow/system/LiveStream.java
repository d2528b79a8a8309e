package org.taskflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.taskflow.system.Gateway.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's live stream ({@code GET /api/notifications/stream}, Server-Sent Events) as a
 * client holds it open: every {@code notification} event it has received so far.
 */
final class LiveStream implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();

	private final CountDownLatch connected = new CountDownLatch(1);

	private final Stream<String> lines;

	private LiveStream(Stream<String> lines) {
		this.lines = lines;
		Thread.ofVirtual().name("live-stream").start(this::read);
	}

	/**
	 * Opens the person's stream at {@code base} (the gateway, or one replica of
	 * notification-service) with their bearer token, and returns once the service has
	 * said it is connected: from then on, their new notifications arrive here.
	 */
	static LiveStream open(URI base, Person person) {
		HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/notifications/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + person.token())
			.build();
		try {
			HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).as("the stream at %s", base).isEqualTo(200);
			LiveStream stream = new LiveStream(response.body());
			assertThat(stream.connected.await(30, TimeUnit.SECONDS)).as("connected at %s", base).isTrue();
			return stream;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read() {
		try {
			String[] event = { "" };
			this.lines.forEach((line) -> {
				if (line.equals(":connected")) {
					this.connected.countDown();
				}
				else if (line.startsWith("event:")) {
					event[0] = line.substring("event:".length()).strip();
				}
				else if (line.startsWith("data:") && event[0].equals("notification")) {
					this.notifications.add(JSON.readTree(line.substring("data:".length())));
				}
				else if (line.isEmpty()) {
					event[0] = "";
				}
			});
		}
		catch (UncheckedIOException ex) {
			// closed
		}
	}

	/** The notifications received so far, in order. */
	List<JsonNode> notifications() {
		return List.copyOf(this.notifications);
	}

	@Override
	public void close() {
		this.lines.close();
	}

}
