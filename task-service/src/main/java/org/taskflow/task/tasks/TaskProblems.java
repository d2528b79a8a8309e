package org.taskflow.task.tasks;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.taskflow.support.web.Problems;

/**
 * The HTTP side of the task rules: each {@link TaskException} as its problem, in one
 * place, for the API and for the per-item results of an import. Ordered before
 * service-support's advice, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskProblems {

	@ExceptionHandler
	Mono<ResponseEntity<ProblemDetail>> refused(TaskException ex) {
		ProblemDetail problem = of(ex);
		return Mono.just(ResponseEntity.status(problem.getStatus()).body(problem));
	}

	static ProblemDetail of(TaskException ex) {
		return switch (ex) {
			case TaskException.NotFound notFound -> problem(HttpStatus.NOT_FOUND, "task-not-found", ex);
			case TaskException.InTrash inTrash -> problem(HttpStatus.CONFLICT, "task-in-trash", ex);
			case TaskException.OwnerOnly ownerOnly -> problem(HttpStatus.FORBIDDEN, "owner-only", ex);
			case TaskException.AssigneeMayChangeStatusOnly statusOnly ->
				problem(HttpStatus.FORBIDDEN, "assignee-may-change-status-only", ex);
			case TaskException.StaleVersion stale -> problem(HttpStatus.PRECONDITION_FAILED, "stale-version", ex);
			case TaskException.ConcurrentUpdate concurrent -> problem(HttpStatus.CONFLICT, "concurrent-update", ex);
			case TaskException.IdempotencyKeyReused reused ->
				problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", ex);
			case TaskException.Invalid invalid -> {
				ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", ex);
				problem.setProperty("errors", invalid.errors());
				yield problem;
			}
			case TaskException.Malformed malformed -> {
				ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body", ex);
				if (!malformed.field().isEmpty()) {
					problem.setProperty("errors",
							List.of(Map.of("field", malformed.field(), "message", "has the wrong type or value")));
				}
				yield problem;
			}
		};
	}

	private static ProblemDetail problem(HttpStatus status, String slug, TaskException ex) {
		return Problems.of(status, slug, String.valueOf(ex.getMessage()));
	}

}
