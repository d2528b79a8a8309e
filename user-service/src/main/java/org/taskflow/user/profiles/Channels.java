package org.taskflow.user.profiles;

/** Where one kind of notification reaches a person. */
record Channels(boolean inApp, boolean email) {

}
