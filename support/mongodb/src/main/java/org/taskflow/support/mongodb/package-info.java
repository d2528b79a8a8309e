/**
 * How long a service waits for MongoDB: a request fails fast with a 503 while the
 * database is out of reach, instead of outliving the gateway's time limit.
 */
@NullMarked
package org.taskflow.support.mongodb;

import org.jspecify.annotations.NullMarked;
