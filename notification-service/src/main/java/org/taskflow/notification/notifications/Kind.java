package org.taskflow.notification.notifications;

/** The kinds of notification; the names are the preference keys of the user contract. */
public enum Kind {

	WELCOME, TASK_ASSIGNED, TASK_COMPLETED, DUE_SOON

}
