/**
 * Accounts: sign-up, credentials and their lifecycle, each change one document update
 * that carries its event. A change that ends sessions says so
 * ({@link AccountSessionsEnd}); the accounts feature does not know how sessions are kept.
 */
@NullMarked
package org.taskflow.auth.accounts;

import org.jspecify.annotations.NullMarked;
