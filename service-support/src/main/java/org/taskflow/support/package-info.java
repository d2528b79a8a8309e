/**
 * Plumbing shared by the reactive services (user, task, notification), switched on by
 * auto-configuration when a service depends on this module. Nothing here knows a domain:
 * a service's own types never leave the service.
 */
@NullMarked
package org.taskflow.support;

import org.jspecify.annotations.NullMarked;
