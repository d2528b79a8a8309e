/**
 * What the whole service shares: its security rules and its schema migrations.
 */
@NullMarked
package org.taskflow.user.config;

import org.jspecify.annotations.NullMarked;
