package org.taskflow.support.mongodb;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a service waits for MongoDB.
 *
 * @param serverSelectionTimeout how long an operation waits for a server it can use
 * before it fails (the driver's default is 30 s). The gateway gives a service 10 s to
 * answer and tries a failed read three times, so 2 s lets every attempt end in a 503
 * problem within that limit; still long enough to ride out a dropped connection. A
 * {@code serverSelectionTimeoutMS} in {@code spring.mongodb.uri} wins over it.
 */
@ConfigurationProperties("taskflow.mongodb")
@Validated
public record MongoTimeoutsProperties(@DefaultValue("2s") @NotNull Duration serverSelectionTimeout) {

}
