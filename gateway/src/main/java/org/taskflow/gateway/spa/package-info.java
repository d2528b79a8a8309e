/**
 * The web app's static files, with the SPA fallback to index.html for client-side routes.
 */
@NullMarked
package org.taskflow.gateway.spa;

import org.jspecify.annotations.NullMarked;
