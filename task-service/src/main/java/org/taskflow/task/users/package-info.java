/**
 * The people tasks are assigned to, as user-service knows them: looked up with
 * task-service's own client_credentials token, behind a circuit breaker, retry and time
 * limit.
 */
@NullMarked
package org.taskflow.task.users;

import org.jspecify.annotations.NullMarked;
