package org.taskflow.task.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.taskflow.support.web.ApiException;
import org.taskflow.support.web.Problems;
import org.taskflow.task.config.RequestJson;

/**
 * Bulk import: each item is created as if it had been POSTed on its own (same validation,
 * same assignee check, same events), a bounded number at a time, and reported by its
 * position: created with its id, or the problem that stopped it. One bad item does not
 * stop the others.
 */
@Component
class TaskImport {

	private static final Logger logger = LoggerFactory.getLogger(TaskImport.class);

	private final TaskService tasks;

	private final JsonMapper json;

	private final Validator validator;

	private final TaskProperties properties;

	TaskImport(TaskService tasks, RequestJson json, Validator validator, TaskProperties properties) {
		this.tasks = tasks;
		this.json = json.mapper();
		this.validator = validator;
		this.properties = properties;
	}

	/**
	 * Reads the whole body (at most the configured bytes) before parsing it, rather than
	 * decoding it as a stream: Spring's streaming JSON decoder releases the network
	 * buffer that held a syntax error twice (once itself, once as discarded), which logs
	 * an {@code IllegalReferenceCountException} for every malformed import and can reset
	 * the connection. The body is capped anyway, so nothing is gained by streaming it.
	 */
	Mono<Result> run(String ownerId, Flux<DataBuffer> body) {
		int maxBytes = (int) Math.min(Integer.MAX_VALUE, this.properties.importMaxBytes().toBytes());
		return DataBufferUtils.join(body, maxBytes)
			.map(TaskImport::bytes)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> tooLarge("An import may be at most " + this.properties.importMaxBytes() + "; split it."))
			.map(this::items)
			.defaultIfEmpty(List.of())
			.flatMap((list) -> Flux.fromStream(IntStream.range(0, list.size()).boxed())
				.flatMapSequential((index) -> one(ownerId, index, list.get(index)), this.properties.importConcurrency())
				.collectList()
				.map(Result::of));
	}

	private static byte[] bytes(DataBuffer joined) {
		try {
			byte[] bytes = new byte[joined.readableByteCount()];
			joined.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(joined);
		}
	}

	/**
	 * The items of a JSON array, or of a sequence of JSON values (NDJSON is one per
	 * line): what Spring's decoder made of either. Stops at one item more than allowed,
	 * so an oversized import is refused whole.
	 */
	private List<JsonNode> items(byte[] body) {
		int max = this.properties.importMaxItems();
		List<JsonNode> items = new ArrayList<>();
		try (JsonParser parser = this.json.createParser(body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.START_ARRAY) {
					for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
						items.add(parser.readValueAsTree());
						requireAtMost(max, items.size());
					}
				}
				else {
					items.add(parser.readValueAsTree());
					requireAtMost(max, items.size());
				}
			}
		}
		catch (JacksonException ex) {
			throw TaskService.malformed(ex);
		}
		return items;
	}

	private static void requireAtMost(int max, int items) {
		if (items > max) {
			throw tooLarge("An import may carry at most " + max + " tasks; split it.");
		}
	}

	static ApiException tooLarge(String detail) {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "import-too-large", detail);
	}

	private Mono<Item> one(String ownerId, int index, JsonNode node) {
		return Mono.defer(() -> this.tasks.create(ownerId, request(node), null))
			.map((created) -> new Item(index, HttpStatus.CREATED.value(), created.task().id(), null))
			.onErrorResume((ex) -> Mono.just(failed(index, ex)));
	}

	private TaskRequest request(JsonNode node) {
		TaskRequest request;
		try {
			request = this.json.treeToValue(node, TaskRequest.class);
		}
		catch (JacksonException ex) {
			throw TaskService.malformed(ex);
		}
		if (request == null) {
			throw new TaskException.Malformed("Not a task: null.", "");
		}
		Set<ConstraintViolation<TaskRequest>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			throw new TaskException.Invalid(violations.stream()
				.map((violation) -> Map.of("field", violation.getPropertyPath().toString(), "message",
						violation.getMessage()))
				.toList());
		}
		return request;
	}

	private static Item failed(int index, Throwable ex) {
		ProblemDetail problem;
		if (ex instanceof TaskException refused) {
			problem = TaskProblems.of(refused);
		}
		else if (ex instanceof ApiException api) {
			problem = api.problem();
		}
		else if (ex instanceof DataAccessResourceFailureException) {
			problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Try again in a few seconds.");
		}
		else {
			logger.error("Import item {} failed", index, ex);
			problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side.");
		}
		return new Item(index, problem.getStatus(), null, problem);
	}

	/**
	 * One item's outcome.
	 *
	 * @param index its position in the request, from 0
	 * @param status 201, or the status it would have had on its own
	 * @param id the new task's id when created
	 * @param problem why it was not created
	 */
	record Item(int index, int status, @Nullable String id, @Nullable ProblemDetail problem) {
	}

	/**
	 * An import's outcome, item by item in request order.
	 *
	 * @param created how many tasks were created
	 * @param failed how many items were refused
	 * @param items every item's outcome
	 */
	record Result(int created, int failed, List<Item> items) {

		static Result of(List<Item> items) {
			int created = (int) items.stream().filter((item) -> item.id() != null).count();
			return new Result(created, items.size() - created, items);
		}

	}

}
