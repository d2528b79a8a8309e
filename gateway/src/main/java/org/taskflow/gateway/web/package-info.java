/**
 * Cross-cutting request handling at the edge: request ids, body size limits, and problem
 * documents for the gateway's own failures.
 */
@NullMarked
package org.taskflow.gateway.web;

import org.jspecify.annotations.NullMarked;
