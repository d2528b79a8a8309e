package org.taskflow.notification.notifications;

/**
 * The kinds of notification; the names are the preference keys of the user contract, but
 * for security notices, which nobody can switch off.
 */
public enum Kind {

	WELCOME, TASK_ASSIGNED, TASK_COMPLETED, DUE_SOON,

	/**
	 * Someone signed up with the person's address. A security notice: it is not among the
	 * kinds people choose channels for (user-service's preferences), so it goes on every
	 * channel.
	 */
	SIGNUP_ATTEMPTED

}
