/**
 * Where each route goes, and the circuit breakers and problem answers for a service that
 * fails or does not answer in time.
 */
@NullMarked
package org.taskflow.gateway.routing;

import org.jspecify.annotations.NullMarked;
