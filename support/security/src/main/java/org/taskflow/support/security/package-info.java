/**
 * The bearer-token check of every service and the gateway, on WebFlux and Servlet.
 */
@NullMarked
package org.taskflow.support.security;

import org.jspecify.annotations.NullMarked;
