package org.taskflow.system;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's open live stream (Server-Sent Events), read on its own thread as it arrives:
 * each event with its name, data and the moment it was read.
 */
final class LiveStream implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Stream<String> lines;

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	LiveStream(String owner, Stream<String> lines) {
		this.lines = lines;
		Thread.ofVirtual().name("live-stream-" + owner).start(this::read);
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
