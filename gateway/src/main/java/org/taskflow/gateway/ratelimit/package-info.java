/**
 * Request budgets per client and window, shared by the replicas through Redis (the
 * credential budget on every request, the others in batches) and, while Redis is out of
 * reach, counted in this replica's memory.
 */
@NullMarked
package org.taskflow.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
