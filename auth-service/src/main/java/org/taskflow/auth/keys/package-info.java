/**
 * The RSA keys that sign every token: all published in the JWKS, the active one signing.
 */
@NullMarked
package org.taskflow.auth.keys;

import org.jspecify.annotations.NullMarked;
