/**
 * user-service: profiles and preferences of TaskFlow's users.
 */
@NullMarked
package org.taskflow.user;

import org.jspecify.annotations.NullMarked;
