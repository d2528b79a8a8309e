package org.taskflow.task.tasks;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.support.web.ApiException;

/**
 * {@code /api/tasks}: one task at a time. Reads carry the version as a strong
 * {@code ETag}. {@code If-Match} is honoured on every change (412 when stale); it is
 * required on {@code PUT} (428 without), because a full replacement built from a stale
 * read silently reverts other people's changes, and optional elsewhere: a merge patch
 * names only the fields it changes and is applied atomically to the current version.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	/** Printable ASCII, as the Idempotency-Key draft's examples. */
	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final TaskService tasks;

	private final MergePatch mergePatch;

	TaskController(TaskService tasks, MergePatch mergePatch) {
		this.tasks = tasks;
		this.mergePatch = mergePatch;
	}

	@PostMapping
	Mono<ResponseEntity<TaskResponse>> create(@AuthenticationPrincipal Jwt user,
			@Valid @RequestBody TaskRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
					"Idempotency-Key must be 1 to 200 printable ASCII characters."));
		}
		return this.tasks.create(user.getSubject(), request, idempotencyKey)
			.map((created) -> ResponseEntity.created(URI.create("/api/tasks/" + created.task().id))
				.eTag(IfMatch.etag(created.task().version()))
				.header("Idempotent-Replayed", Boolean.toString(created.replayed()))
				.body(response(created.task())));
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<TaskResponse>> get(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
		return this.tasks.get(id, user.getSubject()).map(this::ok);
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<TaskResponse>> replace(@AuthenticationPrincipal Jwt user, @PathVariable String id,
			@Valid @RequestBody TaskRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		IfMatch precondition = IfMatch.parse(ifMatch);
		if (precondition == null) {
			return Mono.error(new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
					"A full update needs If-Match with the ETag you read."));
		}
		return this.tasks.update(id, user.getSubject(), (current) -> request, precondition).map(this::ok);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
	Mono<ResponseEntity<TaskResponse>> patch(@AuthenticationPrincipal Jwt user, @PathVariable String id,
			@RequestBody JsonNode patch, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return this.tasks
			.update(id, user.getSubject(), (current) -> this.mergePatch.apply(current, patch), IfMatch.parse(ifMatch))
			.map(this::ok);
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt user, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return this.tasks.delete(id, user.getSubject(), IfMatch.parse(ifMatch))
			.map((task) -> ResponseEntity.noContent().build());
	}

	@PostMapping("/{id}/restore")
	Mono<ResponseEntity<TaskResponse>> restore(@AuthenticationPrincipal Jwt user, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return this.tasks.restore(id, user.getSubject(), IfMatch.parse(ifMatch)).map(this::ok);
	}

	private ResponseEntity<TaskResponse> ok(Task task) {
		return ResponseEntity.ok().eTag(IfMatch.etag(task.version())).body(response(task));
	}

	private TaskResponse response(Task task) {
		return TaskResponse.of(task, this.tasks.now());
	}

}
