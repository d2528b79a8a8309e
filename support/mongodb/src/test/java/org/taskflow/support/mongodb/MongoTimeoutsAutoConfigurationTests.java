package org.taskflow.support.mongodb;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.StandardMongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server selection timeout as the client gets it: the customizers applied in the
 * order Boot's MongoDB auto-configurations apply them, Boot's own (which applies the URI)
 * among them.
 */
class MongoTimeoutsAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoTimeoutsAutoConfiguration.class));

	@Test
	void waitsTwoSecondsForAServerInsteadOfTheDriversThirty() {
		this.contexts.withBean(StandardMongoClientSettingsBuilderCustomizer.class, () -> uri("mongodb://db:27017"))
			.run((context) -> assertThat(serverSelectionTimeoutMillis(context)).isEqualTo(2000));
	}

	@Test
	void takesTheTimeoutFromItsProperty() {
		this.contexts.withBean(StandardMongoClientSettingsBuilderCustomizer.class, () -> uri("mongodb://db:27017"))
			.withPropertyValues("taskflow.mongodb.server-selection-timeout=5s")
			.run((context) -> assertThat(serverSelectionTimeoutMillis(context)).isEqualTo(5000));
	}

	@Test
	void leavesATimeoutTheUriSetsAsItIs() {
		this.contexts
			.withBean(StandardMongoClientSettingsBuilderCustomizer.class,
					() -> uri("mongodb://db:27017/?serverSelectionTimeoutMS=7000"))
			.run((context) -> assertThat(serverSelectionTimeoutMillis(context)).isEqualTo(7000));
	}

	private static StandardMongoClientSettingsBuilderCustomizer uri(String uri) {
		return new StandardMongoClientSettingsBuilderCustomizer(() -> new ConnectionString(uri),
				UuidRepresentation.STANDARD);
	}

	private static long serverSelectionTimeoutMillis(ApplicationContext context) {
		MongoClientSettings.Builder settings = MongoClientSettings.builder();
		ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers = context
			.getBeanProvider(MongoClientSettingsBuilderCustomizer.class);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(settings));
		return settings.build().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS);
	}

}
