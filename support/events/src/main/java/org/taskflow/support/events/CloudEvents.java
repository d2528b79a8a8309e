package org.taskflow.support.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads CloudEvents 1.0 in structured JSON mode, the envelope every TaskFlow
 * topic carries.
 */
public final class CloudEvents {

	private final JsonMapper json;

	private final Clock clock;

	private final String source;

	CloudEvents(JsonMapper json, Clock clock, String source) {
		this.json = json;
		this.clock = clock;
		this.source = source;
	}

	/**
	 * A new event for a document's outbox; {@code data} is the producer's event record.
	 */
	public OutboxEvent pending(String type, String subject, Object data) {
		return new OutboxEvent(UUID.randomUUID().toString(), type, subject, this.clock.instant(),
				this.json.writeValueAsString(data), Tracing.currentTraceparent());
	}

	String envelope(OutboxEvent event) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("specversion", "1.0");
		envelope.put("id", event.id());
		envelope.put("type", event.type());
		envelope.put("source", this.source);
		envelope.put("subject", event.subject());
		envelope.put("time", event.time().toString());
		envelope.put("datacontenttype", "application/json");
		if (event.traceparent() != null) {
			// the CloudEvents distributed-tracing extension
			envelope.put("traceparent", event.traceparent());
		}
		envelope.put("data", this.json.readTree(event.data()));
		return this.json.writeValueAsString(envelope);
	}

	/** The event's type, read before choosing what its data is. */
	public String type(String payload) {
		JsonNode type = this.json.readTree(payload).get("type");
		return (type != null) ? type.asString() : "";
	}

	/**
	 * Reads an event; a record that is not a CloudEvent of this shape fails with a
	 * Jackson exception, which the dead-letter handling does not retry.
	 */
	public <T> CloudEvent<T> read(String payload, Class<T> data) {
		return this.json.readValue(payload, this.json.getTypeFactory().constructParametricType(CloudEvent.class, data));
	}

	/**
	 * Reads an event if it is of this type, for a consumer that reads one type of a topic
	 * that carries several; empty for any other type.
	 */
	public <T> Optional<CloudEvent<T>> readIf(String payload, String type, Class<T> data) {
		return type.equals(type(payload)) ? Optional.of(read(payload, data)) : Optional.empty();
	}

}
