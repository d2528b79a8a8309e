/**
 * Request budgets per client and window, counted in Redis and, while Redis is out of
 * reach, in this replica's memory.
 */
@NullMarked
package org.taskflow.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
