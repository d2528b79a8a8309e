/**
 * Live delivery across replicas. A notification stored by any replica, or the change of a
 * task a person can see, is published on that person's Redis channels; every replica
 * holding an SSE stream for that person is subscribed to them. Pub/sub is
 * fire-and-forget: a stream that was down catches up on notifications from the database
 * with {@code Last-Event-ID}, and its client fetches its tasks again. Also the single-use
 * tickets a browser's EventSource authenticates with, since it cannot send a bearer
 * header.
 */
@NullMarked
package org.taskflow.notification.live;

import org.jspecify.annotations.NullMarked;
