package org.taskflow.task.tasks;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The task feature's settings.
 *
 * @param trashRetention how long a deleted task can be restored before it is purged
 * @param purgeInterval how often the purge looks for expired trash
 * @param importMaxItems the most tasks one import request may carry (more: 413)
 * @param importConcurrency how many tasks of one import are written at a time
 * @param importMaxBytes the largest import body accepted (more: 413)
 */
@ConfigurationProperties("taskflow.tasks")
@Validated
public record TaskProperties(@DefaultValue("30d") @NotNull Duration trashRetention,
		@DefaultValue("1h") @NotNull Duration purgeInterval,
		@DefaultValue("1000") @Min(1) @Max(10_000) int importMaxItems,
		@DefaultValue("8") @Min(1) @Max(64) int importConcurrency,
		@DefaultValue("5MB") @NotNull DataSize importMaxBytes) {

}
