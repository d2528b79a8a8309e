/**
 * Wiring only: the security filter chains, the beans of keys and encoders, schema steps.
 */
@NullMarked
package org.taskflow.auth.config;

import org.jspecify.annotations.NullMarked;
