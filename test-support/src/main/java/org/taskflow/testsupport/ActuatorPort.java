package org.taskflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Value;

/**
 * The port a service's actuator answers on: its management port where it has one of its
 * own (the gateway), its server port otherwise. On a test method's parameter, Spring's
 * test extension supplies it, so a contract needs no port from the class that runs it.
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Value("${local.management.port:${local.server.port}}")
public @interface ActuatorPort {

}
