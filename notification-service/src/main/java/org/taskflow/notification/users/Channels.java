package org.taskflow.notification.users;

/** Whether one kind of notification goes in-app and/or by email. */
public record Channels(boolean inApp, boolean email) {

	/** Until a person says otherwise, they get everything everywhere. */
	public static final Channels ALL = new Channels(true, true);

}
