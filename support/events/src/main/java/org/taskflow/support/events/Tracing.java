package org.taskflow.support.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the outbox: the W3C {@code traceparent} of the change is stored
 * with its event and made current again when the relay publishes it. Without the
 * OpenTelemetry agent there is no current trace and this does nothing.
 */
final class Tracing {

	private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

	private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	};

	private Tracing() {
	}

	static @Nullable String currentTraceparent() {
		Map<String, String> carrier = new HashMap<>();
		W3C.inject(Context.current(), carrier, Map::put);
		return carrier.get("traceparent");
	}

	static <T> T within(@Nullable String traceparent, Supplier<T> work) {
		if (traceparent == null) {
			return work.get();
		}
		Context context = W3C.extract(Context.root(), Map.of("traceparent", traceparent), GETTER);
		try (Scope scope = context.makeCurrent()) {
			return work.get();
		}
	}

}
