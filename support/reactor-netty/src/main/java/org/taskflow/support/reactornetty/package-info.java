/**
 * Workarounds for defects of the Reactor Netty version in use, on every WebFlux server.
 */
@NullMarked
package org.taskflow.support.reactornetty;

import org.jspecify.annotations.NullMarked;
