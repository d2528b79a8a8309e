package org.taskflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A service running on a random port against real MongoDB, Kafka, Redis and SMTP. Put it
 * on each service's integration test base class; a {@code @ContextConfiguration} beside
 * it adds initializers (for example {@link TestIssuer.Initializer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(InfrastructureContextCustomizerFactory.class)
public @interface IntegrationTest {

}
