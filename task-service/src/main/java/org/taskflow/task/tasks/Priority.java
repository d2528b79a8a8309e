package org.taskflow.task.tasks;

/** How urgent a task is, in ascending order (sorting uses the ordinal). */
public enum Priority {

	LOW, MEDIUM, HIGH, URGENT

}
