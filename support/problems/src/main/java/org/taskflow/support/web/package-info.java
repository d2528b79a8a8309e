/**
 * RFC 9457 problem documents with stable types, for WebFlux and Servlet applications.
 */
@NullMarked
package org.taskflow.support.web;

import org.jspecify.annotations.NullMarked;
