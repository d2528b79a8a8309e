/**
 * task-service: people's tasks, with events that are never lost. Feature packages:
 * {@code tasks} (the task domain, its API and events), {@code users} (the lookup of
 * assignees at user-service); {@code config} holds what is cross-cutting.
 */
@NullMarked
package org.taskflow.task;

import org.jspecify.annotations.NullMarked;
