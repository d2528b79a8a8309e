/**
 * Versioned MongoDB schema steps, applied once each before a service reports ready.
 */
@NullMarked
package org.taskflow.support.migrations;

import org.jspecify.annotations.NullMarked;
