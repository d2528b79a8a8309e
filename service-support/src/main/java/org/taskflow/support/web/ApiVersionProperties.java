package org.taskflow.support.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The versions of a service's public API. Version 1 is the default when a request has no
 * {@code API-Version} header; a breaking change maps its handler with
 * {@code version = "2"} and lists {@code 2} here. This list, not the mappings, is what a
 * client may ask for, so the 400 for any other version can name it.
 *
 * @param supported the versions a client may send, {@code 1} first
 */
@ConfigurationProperties("taskflow.api-version")
public record ApiVersionProperties(@DefaultValue("1") List<String> supported) {

}
