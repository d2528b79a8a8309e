package org.taskflow.notification.deadletters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.support.web.ApiException;

/** Administrators replay a consumed topic's dead letters (ROLE_ADMIN, see security). */
@RestController
class DeadLetterController {

	private final DeadLetterReplay replay;

	DeadLetterController(DeadLetterReplay replay) {
		this.replay = replay;
	}

	@PostMapping("/api/notifications/admin/dead-letters/replay")
	Mono<Replayed> replay(@RequestParam String topic, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int max) {
		if (!DeadLetterReplay.TOPICS.contains(topic)) {
			return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "unknown-topic",
					"This service consumes only " + DeadLetterReplay.TOPICS.stream().sorted().toList() + "."));
		}
		return this.replay.replay(topic, max).map((count) -> new Replayed(topic, count));
	}

	/** How many records went back to the topic. */
	record Replayed(String topic, int replayed) {
	}

}
