/**
 * Service benchmarks: each starts the service's own jar in a JVM of its own against this
 * JVM's test infrastructure, measures with bounded load, and stops what it started.
 */
@NullMarked
package org.taskflow.benchmarks;

import org.jspecify.annotations.NullMarked;
