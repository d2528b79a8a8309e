package org.taskflow.testsupport;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every {@link IntegrationTest} context at the shared infrastructure. A customizer
 * rather than a meta-annotated {@code @ContextConfiguration}: a test class's own
 * {@code @ContextConfiguration} (say, with {@link TestIssuer.Initializer}) would hide
 * that one, and the context would silently look for MongoDB and Kafka on their default
 * ports.
 */
public final class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	/** Stateless, so every instance is equal and contexts are still cached and shared. */
	private record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			new InfrastructureInitializer().initialize(context);
		}

	}

}
