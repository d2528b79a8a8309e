package org.taskflow.user.profiles;

/**
 * What a person can be notified about; each kind has its own channels. Email is on by
 * default where missing the message costs the person something (an assignment, a due
 * date) and for the welcome mail that confirms the address; completions are in-app only.
 */
enum NotificationKind {

	TASK_ASSIGNED(true), DUE_SOON(true), TASK_COMPLETED(false), WELCOME(true);

	private final boolean emailByDefault;

	NotificationKind(boolean emailByDefault) {
		this.emailByDefault = emailByDefault;
	}

	Channels defaults() {
		return new Channels(true, this.emailByDefault);
	}

}
