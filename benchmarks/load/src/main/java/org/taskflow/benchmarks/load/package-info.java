/**
 * The load test through the gateway: a Gatling simulation of many people using the web
 * app's API at a fixed arrival rate, run in this JVM against a whole suite started by
 * {@link org.taskflow.infra.LocalStack}, with the resident memory of every service JVM
 * watched while it runs.
 */
@NullMarked
package org.taskflow.benchmarks.load;

import org.jspecify.annotations.NullMarked;
