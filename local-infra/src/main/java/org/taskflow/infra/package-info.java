/**
 * Embedded infrastructure started from Maven artifacts: a MongoDB wire-protocol server,
 * Redis, a KRaft Kafka broker and an SMTP server. Used by the local one-command stack and
 * by the integration tests where no Docker engine exists. Each server binds to loopback
 * only.
 */
@NullMarked
package org.taskflow.infra;

import org.jspecify.annotations.NullMarked;
