package org.taskflow.gateway.ratelimit;

/**
 * One hit counted against a key's current window.
 *
 * @param count hits in the window including this one
 * @param resetMillis time until the window ends
 * @param fallback whether the per-instance fallback counted it (Redis unreachable)
 */
record WindowUsage(long count, long resetMillis, boolean fallback) {

}
