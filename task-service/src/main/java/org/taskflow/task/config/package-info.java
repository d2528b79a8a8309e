/** Cross-cutting set-up: security rules, codecs, schema migrations. */
@NullMarked
package org.taskflow.task.config;

import org.jspecify.annotations.NullMarked;
