package org.taskflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml against what it describes: every producer's JSON Schema is the
 * payload of exactly one channel, the channel's messages are exactly the event types the
 * schema allows, and the channel's topic is the one the producer's code publishes to and
 * each listed consumer's code listens to. A new event type, topic or consumer that the
 * document misses fails here.
 */
class AsyncApiTests {

	private static final Path DOCUMENT = Chart.REPOSITORY.resolve("docs/asyncapi.yaml");

	private static Map<String, Object> asyncApi;

	@BeforeAll
	static void parse() {
		asyncApi = Yaml.load(Chart.read(DOCUMENT));
	}

	@Test
	void isAnAsyncApi3DocumentOfKafkaChannels() {
		assertThat(Yaml.string(asyncApi, "asyncapi")).isEqualTo("3.0.0");
		assertThat(Yaml.string(asyncApi, "servers.kafka.protocol")).isEqualTo("kafka");
		assertThat(Yaml.mapAt(asyncApi, "channels")).isNotEmpty();
	}

	@Test
	void everyProducerSchemaIsThePayloadOfExactlyOneChannelWithExactlyItsEventTypes() {
		List<Path> schemas = producerSchemas();
		assertThat(schemas).as("producer schemas in */src/main/resources/events").hasSizeGreaterThanOrEqualTo(3);
		for (Path schema : schemas) {
			List<String> channels = Yaml.mapAt(asyncApi, "channels")
				.keySet()
				.stream()
				.filter((channel) -> payloadsOf(channel).contains(schema))
				.toList();
			assertThat(channels).as("channels whose payload is " + Chart.REPOSITORY.relativize(schema)).hasSize(1);
			Set<String> types = new TreeSet<>(Yaml.listAt(Yaml.load(Chart.read(schema)), "properties.type.enum")
				.stream()
				.map(Object::toString)
				.toList());
			assertThat(messageNames(channels.get(0))).as("messages of " + channels.get(0)).isEqualTo(types);
		}
	}

	@Test
	void everyChannelsPayloadIsAProducerSchema() {
		List<Path> schemas = producerSchemas();
		for (String channel : Yaml.mapAt(asyncApi, "channels").keySet()) {
			assertThat(payloadsOf(channel)).as(channel)
				.hasSize(1)
				.allSatisfy((payload) -> assertThat(schemas).contains(payload));
		}
	}

	@Test
	void producersPublishAndConsumersListenToTheTopicsTheDocumentSays() {
		Map<String, Object> operations = Yaml.mapAt(asyncApi, "operations");
		Set<String> producers = new TreeSet<>();
		for (Map.Entry<String, Object> operation : operations.entrySet()) {
			String service = Yaml.string(operation.getValue(), "x-service");
			String channel = Yaml.string(operation.getValue(), "channel.$ref").replace("#/channels/", "");
			String topic = Yaml.string(asyncApi, "channels." + channel + ".address");
			assertThat(mainCodeMentions(service, topic)).as(operation.getKey() + ": " + service + " names " + topic)
				.isTrue();
			String action = Yaml.string(operation.getValue(), "action");
			assertThat(action).as(operation.getKey()).isIn("send", "receive");
			if ("send".equals(action)) {
				producers.add(channel);
				assertThat(payloadsOf(channel))
					.allSatisfy((schema) -> assertThat(schema.startsWith(Chart.REPOSITORY.resolve(service)))
						.as("%s publishes %s, so the schema lives in %s", service, topic, service)
						.isTrue());
			}
		}
		assertThat(producers).as("every channel has its producer").isEqualTo(Yaml.mapAt(asyncApi, "channels").keySet());
	}

	private static Set<Path> payloadsOf(String channel) {
		return messages(channel).stream()
			.map((message) -> DOCUMENT.getParent().resolve(Yaml.string(message, "payload.$ref")).normalize())
			.collect(Collectors.toSet());
	}

	private static Set<String> messageNames(String channel) {
		return messages(channel).stream()
			.map((message) -> Yaml.string(message, "name"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<Map<String, Object>> messages(String channel) {
		List<Map<String, Object>> messages = new ArrayList<>();
		for (Object reference : Yaml.mapAt(Yaml.mapAt(asyncApi, "channels").get(channel), "messages").values()) {
			String name = Yaml.string(reference, "$ref").replace("#/components/messages/", "");
			Object message = Yaml.mapAt(asyncApi, "components.messages").get(name);
			assertThat(message).as("message " + name + " of " + channel).isNotNull();
			messages.add(Yaml.map(message));
		}
		return messages;
	}

	private static List<Path> producerSchemas() {
		try (Stream<Path> files = Files.walk(Chart.REPOSITORY, 6)) {
			return files
				.filter((file) -> file.toString().endsWith(".schema.json")
						&& file.getParent().endsWith(Path.of("src", "main", "resources", "events")))
				.map(Path::normalize)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean mainCodeMentions(String service, String topic) {
		Path main = Chart.REPOSITORY.resolve(service).resolve("src/main");
		try (Stream<Path> files = Files.walk(main)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().endsWith(".java") || file.toString().endsWith(".yaml"))
				.anyMatch((file) -> Chart.read(file).contains(topic));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
