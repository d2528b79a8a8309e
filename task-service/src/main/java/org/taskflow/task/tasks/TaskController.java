package org.taskflow.task.tasks;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taskflow.support.web.ApiException;

/**
 * {@code /api/tasks}: one task at a time. Reads carry the version as a strong
 * {@code ETag}. {@code If-Match} is honoured on every change (412 when stale); it is
 * required on {@code PUT} (428 without), because a full replacement built from a stale
 * read silently reverts other people's changes, and optional elsewhere: a merge patch
 * names only the fields it changes and is applied atomically to the current version.
 */
@Tag(name = "Tasks",
		description = "Your tasks and those assigned to you: create, list with search and filters, change, delete and restore, import, statistics.")
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	/** Printable ASCII, as the Idempotency-Key draft's examples. */
	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final TaskService tasks;

	private final TaskSearch search;

	private final MergePatch mergePatch;

	private final JsonMapper json;

	private final TaskImport taskImport;

	private final TaskProperties properties;

	TaskController(TaskService tasks, TaskSearch search, MergePatch mergePatch, JsonMapper json, TaskImport taskImport,
			TaskProperties properties) {
		this.tasks = tasks;
		this.search = search;
		this.mergePatch = mergePatch;
		this.json = json;
		this.taskImport = taskImport;
		this.properties = properties;
	}

	/**
	 * The tasks the caller owns or is assigned to, newest first unless sorted otherwise;
	 * {@code nextCursor} fetches the next page ({@code null} on the last). Filters
	 * combine with AND; repeated or comma-separated values of one filter with OR, except
	 * {@code tag}, where every tag given must be present. {@code fields} limits each item
	 * to the named fields ({@code id} always included).
	 */
	@GetMapping
	@Operation(summary = "List, search and filter your tasks")
	Mono<TaskList> list(@AuthenticationPrincipal Jwt user,
			@RequestParam(required = false) @Nullable List<TaskStatus> status,
			@RequestParam(required = false) @Nullable List<Priority> priority,
			@RequestParam(required = false) @Nullable List<String> tag,
			@RequestParam(required = false) @Nullable String assignee,
			@RequestParam(required = false) @Nullable String dueBefore,
			@RequestParam(required = false) @Nullable String dueAfter,
			@RequestParam(required = false) @Nullable Boolean overdue,
			@RequestParam(defaultValue = "false") boolean deleted,
			@RequestParam(required = false) @Size(max = 200) @Nullable String q,
			@RequestParam(defaultValue = "created") String sort, @RequestParam(required = false) @Nullable String order,
			@RequestParam(defaultValue = "20") int limit,
			@RequestParam(required = false) @Size(max = 500) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String fields) {
		return Mono.defer(() -> {
			List<String> selected = selectedFields(fields);
			TaskSearch.Filter filter = new TaskSearch.Filter(orEmpty(status), orEmpty(priority), orEmpty(tag), assignee,
					dueBefore, dueAfter, overdue, deleted, q);
			Instant now = this.tasks.now();
			return this.search.list(user.getSubject(), filter, TaskSearch.Order.of(sort, order), limit, cursor, now)
				.map((page) -> new TaskList(
						page.tasks().stream().map((task) -> sparse(TaskResponse.of(task, now), selected)).toList(),
						page.nextCursor()));
		});
	}

	@GetMapping("/stats")
	@Operation(summary = "Count your tasks by status, overdue and in the trash")
	Mono<TaskSearch.Stats> stats(@AuthenticationPrincipal Jwt user) {
		return this.search.stats(user.getSubject(), this.tasks.now());
	}

	@PostMapping
	@Operation(summary = "Create a task")
	Mono<ResponseEntity<TaskResponse>> create(@AuthenticationPrincipal Jwt user,
			@Valid @RequestBody TaskRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
					"Idempotency-Key must be 1 to 200 printable ASCII characters."));
		}
		return this.tasks.create(user.getSubject(), request, idempotencyKey)
			.map((created) -> ResponseEntity.created(URI.create("/api/tasks/" + created.task().id()))
				.eTag(IfMatch.etag(created.task().version()))
				.header("Idempotent-Replayed", Boolean.toString(created.replayed()))
				.body(response(created.task())));
	}

	/**
	 * Many tasks at once: a JSON array or NDJSON (one task per line), each item shaped
	 * like a create request. Answers 200 with one result per item, in order (an empty
	 * array or body imports nothing); the body needs a Content-Length within the
	 * configured cap, and the item count is capped too (413 otherwise, nothing created).
	 */
	@PostMapping(path = "/import", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	@Operation(summary = "Import many tasks at once")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(schema = @Schema(implementation = TaskRequest.class))),
			@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
					schema = @Schema(implementation = TaskRequest.class)) })
	Mono<TaskImport.Result> importTasks(@AuthenticationPrincipal Jwt user,
			@RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) @Nullable Long length,
			ServerHttpRequest request) {
		if (length == null) {
			return Mono.error(new ApiException(HttpStatus.LENGTH_REQUIRED, "length-required",
					"An import needs a Content-Length."));
		}
		if (length > this.properties.importMaxBytes().toBytes()) {
			return Mono.error(TaskImport
				.tooLarge("An import may be at most " + this.properties.importMaxBytes() + "; split it."));
		}
		return this.taskImport.run(user.getSubject(), request.getBody());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a task")
	Mono<ResponseEntity<TaskResponse>> get(@AuthenticationPrincipal Jwt user, @PathVariable String id) {
		return this.tasks.get(id, user.getSubject()).map(this::ok);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a task (If-Match required)")
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
	@Operation(summary = "Change some fields of a task (JSON merge patch)")
	Mono<ResponseEntity<TaskResponse>> patch(@AuthenticationPrincipal Jwt user, @PathVariable String id,
			@RequestBody JsonNode patch, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return this.tasks
			.update(id, user.getSubject(), (current) -> this.mergePatch.apply(current, patch), IfMatch.parse(ifMatch))
			.map(this::ok);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move a task to the trash")
	Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt user, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return this.tasks.delete(id, user.getSubject(), IfMatch.parse(ifMatch))
			.map((task) -> ResponseEntity.noContent().build());
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore a task from the trash")
	Mono<ResponseEntity<TaskResponse>> restore(@AuthenticationPrincipal Jwt user, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return this.tasks.restore(id, user.getSubject(), IfMatch.parse(ifMatch)).map(this::ok);
	}

	private static List<String> selectedFields(@Nullable String fields) {
		if (fields == null || fields.isBlank()) {
			return List.of();
		}
		List<String> selected = Arrays.stream(fields.split(",", -1)).map(String::strip).distinct().toList();
		List<String> unknown = selected.stream().filter((field) -> !TaskResponse.FIELDS.contains(field)).toList();
		if (!unknown.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
					"Unknown fields " + unknown + "; known: " + TaskResponse.FIELDS + ".");
		}
		return selected;
	}

	private Object sparse(TaskResponse task, List<String> fields) {
		if (fields.isEmpty()) {
			return task;
		}
		ObjectNode node = this.json.valueToTree(task);
		node.retain(Stream.concat(Stream.of("id"), fields.stream()).toList());
		return node;
	}

	private static <T> List<T> orEmpty(@Nullable List<T> values) {
		return (values != null) ? values : List.of();
	}

	private ResponseEntity<TaskResponse> ok(Task task) {
		return ResponseEntity.ok().eTag(IfMatch.etag(task.version())).body(response(task));
	}

	private TaskResponse response(Task task) {
		return TaskResponse.of(task, this.tasks.now());
	}

	/**
	 * A page of tasks: {@link TaskResponse}s, or only the requested fields of each.
	 *
	 * @param items the tasks of this page
	 * @param nextCursor pass as {@code cursor} for the next page; null on the last
	 */
	record TaskList(List<?> items, @Nullable String nextCursor) {
	}

}
