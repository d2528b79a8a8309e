/** Cross-cutting set-up: security rules and how request bodies are read. */
@NullMarked
package org.taskflow.task.config;

import org.jspecify.annotations.NullMarked;
