/**
 * First-party sessions: login, refresh and logout for the web app. A session is a
 * refresh-token family in Redis; each refresh rotates its token and issues a short-lived
 * access token.
 */
@NullMarked
package org.taskflow.auth.sessions;

import org.jspecify.annotations.NullMarked;
