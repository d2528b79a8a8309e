/**
 * Live delivery across replicas. A notification stored by any replica is published on the
 * Redis channel of its recipient; every replica holding an SSE stream for that person is
 * subscribed to it. Pub/sub is fire-and-forget: a stream that was down catches up from
 * the database with {@code Last-Event-ID}. Also the single-use tickets a browser's
 * EventSource authenticates with, since it cannot send a bearer header.
 */
@NullMarked
package org.taskflow.notification.live;

import org.jspecify.annotations.NullMarked;
