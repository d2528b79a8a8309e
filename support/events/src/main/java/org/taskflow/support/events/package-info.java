/**
 * CloudEvents over Kafka: the envelope, the transactional outbox and its relay, dead
 * letters.
 */
@NullMarked
package org.taskflow.support.events;

import org.jspecify.annotations.NullMarked;
