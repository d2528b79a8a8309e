package org.taskflow.support.events;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventsTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final CloudEvents events = new CloudEvents(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC),
			"/task-service");

	record Produced(String taskId, String title, int priority) {
	}

	record Consumed(String taskId) {
	}

	@Test
	void aPendingEventBecomesAStructuredCloudEvent() {
		OutboxEvent pending = this.events.pending("taskflow.task.TaskCreated.v1", "task-1",
				new Produced("task-1", "Write the note", 2));
		String json = this.events.envelope(pending);
		assertThat(json).contains("\"specversion\":\"1.0\"", "\"source\":\"/task-service\"", "\"subject\":\"task-1\"",
				"\"time\":\"2026-11-23T10:00:00Z\"",
				"\"data\":{\"taskId\":\"task-1\",\"title\":\"Write the note\",\"priority\":2}");
		assertThat(this.events.type(json)).isEqualTo("taskflow.task.TaskCreated.v1");
	}

	@Test
	void aConsumerReadsOnlyTheFieldsItDeclares() {
		String json = this.events.envelope(this.events.pending("taskflow.task.TaskCreated.v1", "task-1",
				new Produced("task-1", "Write the note", 2)));
		CloudEvent<Consumed> event = this.events.read(json, Consumed.class);
		assertThat(event.data().taskId()).isEqualTo("task-1");
		assertThat(event.time()).isEqualTo(NOW);
		assertThat(event.id()).isNotBlank();
	}

	@Test
	void aConsumerOfOneTypeReadsThatTypeAndPassesOverOthers() {
		String json = this.events.envelope(this.events.pending("taskflow.task.TaskCreated.v1", "task-1",
				new Produced("task-1", "Write the note", 2)));
		assertThat(this.events.readIf(json, "taskflow.task.TaskCreated.v1", Consumed.class))
			.hasValueSatisfying((event) -> assertThat(event.data().taskId()).isEqualTo("task-1"));
		assertThat(this.events.readIf(json, "taskflow.task.TaskDeleted.v1", Consumed.class)).isEmpty();
	}

	@Test
	void eachPendingEventHasItsOwnId() {
		assertThat(this.events.pending("t", "s", new Consumed("a")).id())
			.isNotEqualTo(this.events.pending("t", "s", new Consumed("a")).id());
	}

	@Test
	void somethingThatIsNotACloudEventFailsAsJson() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.events.read("not json", Consumed.class));
	}

	@Test
	void anEventMadeInsideATraceCarriesItsTraceparent() {
		SpanContext request = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
				TraceFlags.getSampled(), TraceState.getDefault());
		OutboxEvent event;
		try (Scope scope = Span.wrap(request).makeCurrent()) {
			event = this.events.pending("t", "s", new Consumed("a"));
		}
		assertThat(event.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		assertThat(this.events.envelope(event)).contains("\"traceparent\":\"" + event.traceparent() + "\"");
		assertThat(Tracing.within(event.traceparent(), () -> Span.current().getSpanContext().getTraceId()))
			.as("the relay publishes in the request's trace")
			.isEqualTo(request.getTraceId());
	}

	@Test
	void anEventMadeOutsideATraceHasNone() {
		OutboxEvent event = this.events.pending("t", "s", new Consumed("a"));
		assertThat(event.traceparent()).isNull();
		assertThat(this.events.envelope(event)).doesNotContain("traceparent");
	}

}
