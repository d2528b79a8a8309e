/**
 * The edge check of bearer tokens (TaskFlow's resource server, with a decode cache), CORS
 * and the browser-facing security headers.
 */
@NullMarked
package org.taskflow.gateway.security;

import org.jspecify.annotations.NullMarked;
