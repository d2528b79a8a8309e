package org.taskflow.benchmarks.load;

/**
 * A step of the load, or one request in it: how many were sent and failed (KO), and their
 * response times in ms, failed ones included.
 */
public record Figures(String name, long requests, long failed, long p50, long p95, long p99, long max) {
}
