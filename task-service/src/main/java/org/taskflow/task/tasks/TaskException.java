package org.taskflow.task.tasks;

import java.util.List;
import java.util.Map;

/**
 * A task rule said no. The domain throws these without knowing about HTTP;
 * {@link TaskProblems} turns each kind into its problem document. No stack trace: each is
 * an expected answer, not a fault.
 */
abstract sealed class TaskException extends RuntimeException {

	TaskException(String message) {
		super(message, null, false, false);
	}

	/** Nobody may see this task, or it does not exist: the same answer for both. */
	static final class NotFound extends TaskException {

		NotFound() {
			super("There is no such task.");
		}

	}

	static final class InTrash extends TaskException {

		InTrash() {
			super("The task is in the trash; restore it first.");
		}

	}

	static final class OwnerOnly extends TaskException {

		OwnerOnly() {
			super("Only the task's owner can do that.");
		}

	}

	static final class AssigneeMayChangeStatusOnly extends TaskException {

		AssigneeMayChangeStatusOnly() {
			super("As an assignee you can change the status of this task, nothing else.");
		}

	}

	/** The client's {@code If-Match} names a version the task no longer has. */
	static final class StaleVersion extends TaskException {

		StaleVersion() {
			super("The task has changed since you read it (If-Match does not match its ETag).");
		}

	}

	/** Concurrent changes kept winning over this one, retries included. */
	static final class ConcurrentUpdate extends TaskException {

		ConcurrentUpdate() {
			super("The task keeps changing under this request; try again.");
		}

	}

	static final class IdempotencyKeyReused extends TaskException {

		IdempotencyKeyReused() {
			super("This Idempotency-Key was used for a different request.");
		}

	}

	/** Fields that break a rule, each with what is wrong with it. */
	static final class Invalid extends TaskException {

		private final List<Map<String, String>> errors;

		Invalid(List<Map<String, String>> errors) {
			super("The request has invalid fields.");
			this.errors = List.copyOf(errors);
		}

		List<Map<String, String>> errors() {
			return this.errors;
		}

	}

	/** Not JSON of a task's shape; {@code field} says where, when known. */
	static final class Malformed extends TaskException {

		private final String field;

		Malformed(String detail, String field) {
			super(detail);
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

}
