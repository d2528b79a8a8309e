/**
 * The tasks this service reminds people of, as a projection of task events. Every task
 * event carries the whole task, so the projection is simply the newest snapshot by the
 * task's {@code version}; an older one arriving late is ignored.
 */
@NullMarked
package org.taskflow.notification.tasks;

import org.jspecify.annotations.NullMarked;
