/**
 * The OAuth2/OIDC side (Spring Authorization Server): the registered clients from
 * configuration, the authorization store in MongoDB, and tokens shaped like first-party
 * ones.
 */
@NullMarked
package org.taskflow.auth.oauth;

import org.jspecify.annotations.NullMarked;
