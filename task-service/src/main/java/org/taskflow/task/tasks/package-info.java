/**
 * Tasks: the document, its rules, its API under {@code /api/tasks} and its events. Every
 * change is one single-document write that also pushes the change's CloudEvents into the
 * task's {@code outbox}, so a change and its events are atomic without transactions.
 * Object-level authorisation lives in the queries: a task is only ever read through
 * {@code members} (owner and assignees), so anyone else finds nothing (404).
 */
@NullMarked
package org.taskflow.task.tasks;

import org.jspecify.annotations.NullMarked;
