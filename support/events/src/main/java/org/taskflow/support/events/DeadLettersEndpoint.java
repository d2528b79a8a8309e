package org.taskflow.support.events;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}, the operator's replay tool in every service that
 * consumes: {@code GET} lists what this service's groups consume with their dead-letter
 * and replay topics; {@code POST {"topic": ..., "group": ..., "max": 100}} replays up to
 * {@code max} (1 to 1000) of that group's dead letters to that group only
 * ({@link DeadLetterReplay}). Actuator runs the operations on a worker thread in a
 * WebFlux service too. Only administrators may call it (support-security).
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	static final int DEFAULT_MAX = 100;

	static final int MAX = 1000;

	private final DeadLetterReplay replay;

	DeadLettersEndpoint(DeadLetterReplay replay) {
		this.replay = replay;
	}

	@ReadOperation
	public List<Replayable> replayable() {
		return this.replay.replayable()
			.stream()
			.map((consumed) -> new Replayable(consumed.topic(), consumed.group(), consumed.deadLetterTopic(),
					consumed.replayTopic()))
			.toList();
	}

	@WriteOperation
	public Replayed replay(String topic, String group, @Nullable Integer max)
			throws InterruptedException, ExecutionException, TimeoutException {
		int limit = (max != null) ? max : DEFAULT_MAX;
		if (limit < 1 || limit > MAX) {
			throw new InvalidEndpointRequestException("max must be 1 to " + MAX, "max out of range");
		}
		if (!this.replay.replayable().contains(new ConsumerGroups.Consumed(topic, group))) {
			throw new InvalidEndpointRequestException(
					"No group " + group + " of this service consumes " + topic + "; see GET /actuator/deadletters",
					"not a consumed topic");
		}
		return new Replayed(topic, group, this.replay.replay(topic, group, limit));
	}

	/** A topic a group of this service consumes, and where its dead letters are. */
	public record Replayable(String topic, String group, String deadLetterTopic, String replayTopic) {
	}

	/** How many of the group's dead letters went to its replay topic. */
	public record Replayed(String topic, String group, int replayed) {
	}

}
