/** The benchmark's bare Spring Cloud Gateway. */
@NullMarked
package org.taskflow.benchmarks.baregateway;

import org.jspecify.annotations.NullMarked;
