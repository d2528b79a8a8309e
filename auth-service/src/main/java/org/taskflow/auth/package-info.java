/**
 * auth-service: the one token issuer. OAuth2/OIDC for service clients and the CLI,
 * first-party login for the web app, and the accounts behind both.
 */
@NullMarked
package org.taskflow.auth;

import org.jspecify.annotations.NullMarked;
