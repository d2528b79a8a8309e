package org.taskflow.gateway.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a client may send through the gateway.
 *
 * @param maxBodySize the largest request body accepted; larger ones get {@code 413}
 * @param paths larger (or smaller) limits for the paths that need them, e.g. the task
 * import, which takes files up to task-service's own limit; the first matching entry wins
 */
@ConfigurationProperties("taskflow.gateway.requests")
@Validated
record RequestLimits(@NotNull DataSize maxBodySize, @DefaultValue @Valid List<PathLimit> paths) {

	/**
	 * A body limit for the paths matching one pattern.
	 *
	 * @param path a path pattern, e.g. {@code /api/tasks/import}
	 * @param maxBodySize the largest body accepted there
	 */
	record PathLimit(@NotBlank String path, @NotNull DataSize maxBodySize) {

	}

}
