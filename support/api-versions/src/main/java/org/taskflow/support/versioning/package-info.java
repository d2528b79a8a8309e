/**
 * What TaskFlow adds to Boot's API versioning: the problem for an unsupported version and
 * the version header in the OpenAPI document.
 */
@NullMarked
package org.taskflow.support.versioning;

import org.jspecify.annotations.NullMarked;
