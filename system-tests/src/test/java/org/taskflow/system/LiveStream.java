package org.taskflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.taskflow.system.Gateway.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person's open live stream (Server-Sent Events), read on its own thread as it arrives:
 * each event with its name, data and the moment it was read.
 */
final class LiveStream implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Stream<String> lines;

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	LiveStream(String owner, Stream<String> lines) {
		this.lines = lines;
		Thread.ofVirtual().name("live-stream-" + owner).start(this::read);
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
			LiveStream stream = new LiveStream(person.name(), response.body());
			await().atMost(Duration.ofSeconds(30)).until(stream::connected);
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

	/** Field lines up to a blank line make one event (the SSE format). */
	private void read() {
		String[] event = { null };
		StringBuilder data = new StringBuilder();
		try {
			this.lines.forEach((line) -> {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events
							.add(new Event((event[0] != null) ? event[0] : "message", data.toString(), Instant.now()));
					}
					event[0] = null;
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					this.comments.add(line.substring(1));
				}
				else if (line.startsWith("event:")) {
					event[0] = line.substring("event:".length()).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()).strip());
				}
			});
		}
		catch (UncheckedIOException ex) {
			// the stream was closed, by close() or by the server
		}
	}

	boolean connected() {
		return this.comments.contains("connected");
	}

	/** The notifications received so far, in order. */
	List<JsonNode> notifications() {
		return this.events.stream().filter((event) -> "notification".equals(event.name())).map(Event::json).toList();
	}

	/** The {@code task-changed} hints so far. */
	List<Event> taskChanges() {
		return this.events.stream().filter((event) -> "task-changed".equals(event.name())).toList();
	}

	@Override
	public void close() {
		this.lines.close();
	}

	/** One event as it was read. */
	record Event(String name, String data, Instant receivedAt) {

		JsonNode json() {
			return JSON.readTree(this.data);
		}

	}

}
