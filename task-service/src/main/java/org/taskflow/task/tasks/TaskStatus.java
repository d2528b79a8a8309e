package org.taskflow.task.tasks;

/** Where a task stands; reaching {@code DONE} stamps {@code completedAt}. */
public enum TaskStatus {

	TODO, IN_PROGRESS, DONE

}
