/**
 * The gateway: the one entry point of the browser and the CLI, routing to the services,
 * checking tokens at the edge, limiting request rates, and serving the web app.
 */
@NullMarked
package org.taskflow.gateway;

import org.jspecify.annotations.NullMarked;
