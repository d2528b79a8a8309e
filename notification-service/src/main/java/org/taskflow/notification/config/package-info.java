/**
 * Cross-cutting wiring: who may call what, and the schema migrations that run before the
 * service reports ready.
 */
@NullMarked
package org.taskflow.notification.config;

import org.jspecify.annotations.NullMarked;
