package org.taskflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.taskflow.testsupport.EventSchema;
import org.taskflow.testsupport.IntegrationTest;
import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The service on real Kafka, Redis, MongoDB and SMTP, trusting {@link TestIssuer}. Tests
 * play auth-, user- and task-service by writing their CloudEvents to the topics, exactly
 * as docs/contracts.md specifies them. Pollers run fast and emails retry quickly here.
 */
@IntegrationTest
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@TestPropertySource(properties = { "taskflow.notifications.email.poll-interval=200ms",
		"taskflow.notifications.email.initial-backoff=200ms", "taskflow.notifications.email.max-backoff=1s",
		"taskflow.notifications.email.max-attempts=3", "taskflow.notifications.reminders.poll-interval=200ms",
		"taskflow.notifications.live.heartbeat=1s" })
public abstract class NotificationIntegrationTests {

	protected static final String AUTH_USERS = "taskflow.auth.user-events.v1";

	protected static final String USERS = "taskflow.user.user-events.v1";

	protected static final String TASKS = "taskflow.task.task-events.v1";

	protected static final Duration WAIT = Duration.ofSeconds(30);

	private static final Map<String, String> PRODUCERS = Map.of(AUTH_USERS, "auth-service", USERS, "user-service",
			TASKS, "task-service");

	private static final Map<String, EventSchema> CONTRACTS = Map.of(AUTH_USERS,
			EventSchema.of("auth-service", "user-events.v1.schema.json"), USERS,
			EventSchema.of("user-service", "user-events.v1.schema.json"), TASKS,
			EventSchema.of("task-service", "task-events.v1.schema.json"));

	static {
		// published here in place of their producers
		TestInfrastructure.shared().declareTopics(AUTH_USERS, USERS, TASKS);
	}

	private static final KafkaProducer<String, String> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
			new StringSerializer(), new StringSerializer());

	@LocalServerPort
	protected int port;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@Autowired
	protected JsonMapper json;

	protected WebClient http() {
		return WebClient.create("http://127.0.0.1:" + this.port);
	}

	// --- events, as the other services publish them

	/** A CloudEvent ready to send (and to send again, for redelivery). */
	protected record Event(String id, String topic, String key, String json) {
	}

	protected Event event(String topic, String type, String subject, Map<String, ?> data) {
		return event(topic, type, subject, data, Instant.now());
	}

	/**
	 * Events as their producers publish them: each fixture is checked against its
	 * producer's schema, so a test cannot pass on an event no producer would send.
	 */
	protected Event event(String topic, String type, String subject, Map<String, ?> data, Instant time) {
		Event event = envelope(topic, type, subject, data, time);
		CONTRACTS.get(topic).requireValid(event.json());
		return event;
	}

	private Event envelope(String topic, String type, String subject, Map<String, ?> data, Instant time) {
		String id = UUID.randomUUID().toString();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("specversion", "1.0");
		envelope.put("id", id);
		envelope.put("type", type);
		envelope.put("source", "/" + PRODUCERS.get(topic));
		envelope.put("subject", subject);
		envelope.put("time", time.toString());
		envelope.put("datacontenttype", "application/json");
		envelope.put("data", data);
		return new Event(id, topic, subject, this.json.writeValueAsString(envelope));
	}

	protected static void send(Event... events) {
		for (Event event : events) {
			send(event.topic(), event.key(), event.json());
		}
	}

	protected static void send(String topic, String key, String value) {
		try {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A person who signed up: UserRegistered sent and applied. */
	protected Person register(String name) {
		String id = "user-" + UUID.randomUUID();
		return register(id, id + "@example.com", name);
	}

	protected Person register(String id, String email, String name) {
		return registered(event(AUTH_USERS, "taskflow.auth.UserRegistered.v1", id, registration(id, email, name)),
				new Person(id, email, name));
	}

	/**
	 * A person whose address no mail server takes. auth-service refuses such an address
	 * at sign-up, so this registration is outside its contract and sent unchecked: it
	 * stands for a mailbox that stops accepting mail.
	 */
	protected Person registerWithUndeliverableAddress(String name) {
		String id = "user-" + UUID.randomUUID();
		String email = "not an address";
		return registered(envelope(AUTH_USERS, "taskflow.auth.UserRegistered.v1", id, registration(id, email, name),
				Instant.now()), new Person(id, email, name));
	}

	private static Map<String, Object> registration(String id, String email, String name) {
		return Map.of("userId", id, "email", email, "displayName", name, "registeredAt", Instant.now().toString());
	}

	private Person registered(Event registration, Person person) {
		send(registration);
		awaitTrue(() -> user(person.id()) != null && person.email().equals(user(person.id()).getString("email")));
		return person;
	}

	protected record Person(String id, String email, String name) {

		String token() {
			return TestIssuer.user(this.id);
		}

	}

	/**
	 * UserPreferencesChanged: {@code kinds} maps a kind to {inApp, email}; quiet hours as
	 * two HH:mm strings or null. Waits until applied.
	 */
	protected void preferences(Person person, String timeZone, Map<String, boolean[]> kinds,
			String @Nullable [] quietHours) {
		Map<String, Object> preferences = new LinkedHashMap<>();
		// user-service always sends every kind; those a test does not name keep the
		// defaults
		for (String kind : List.of("TASK_ASSIGNED", "DUE_SOON", "TASK_COMPLETED", "WELCOME")) {
			boolean[] channels = kinds.getOrDefault(kind, new boolean[] { true, true });
			preferences.put(kind, Map.of("inApp", channels[0], "email", channels[1]));
		}
		preferences.put("quietHours",
				(quietHours != null) ? Map.of("start", quietHours[0], "end", quietHours[1]) : null);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("userId", person.id());
		data.put("timeZone", timeZone);
		data.put("preferences", preferences);
		Instant time = Instant.now();
		send(event(USERS, "taskflow.user.UserPreferencesChanged.v1", person.id(), data, time));
		awaitTrue(() -> {
			Document user = user(person.id());
			return user != null && user.getDate("preferencesAt").toInstant().toEpochMilli() == time.toEpochMilli();
		});
	}

	/** A task event's data: the snapshot plus per-type fields. */
	protected static Map<String, Object> task(String taskId, Person owner, String title, String status,
			List<Person> assignees, @Nullable String dueDate, @Nullable Instant dueAt, long version, Person actor) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("taskId", taskId);
		data.put("ownerId", owner.id());
		data.put("title", title);
		data.put("status", status);
		data.put("priority", "MEDIUM");
		data.put("assigneeIds", assignees.stream().map(Person::id).toList());
		data.put("dueDate", dueDate);
		data.put("dueAt", (dueAt != null) ? dueAt.toString() : null);
		data.put("dueZone", (dueAt != null) ? "Europe/Paris" : null);
		data.put("version", version);
		data.put("actorId", actor.id());
		return data;
	}

	protected Event taskEvent(String name, Map<String, Object> data) {
		return event(TASKS, "taskflow.task." + name + ".v1", (String) data.get("taskId"), data);
	}

	protected static String newTaskId() {
		return "task-" + UUID.randomUUID();
	}

	// --- the service's state and API

	protected @Nullable Document user(String id) {
		return this.mongo.findById(id, Document.class, "users").block(WAIT);
	}

	protected List<Document> find(String collection, Query query) {
		return this.mongo.find(query, Document.class, collection).collectList().block(WAIT);
	}

	protected List<Document> notificationsOf(Person person) {
		return find("notifications", Query.query(where("userId").is(person.id())));
	}

	protected List<Document> deliveriesOf(Person person) {
		return find("deliveries", Query.query(where("userId").is(person.id())));
	}

	protected ResponseEntity<String> call(HttpMethod method, String path, @Nullable String token) {
		return http().method(method).uri(path).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchangeToMono((response) -> response.toEntity(String.class)).block(WAIT);
	}

	protected JsonNode body(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

	protected String streamTicket(Person person) {
		ResponseEntity<String> ticket = call(HttpMethod.POST, "/api/notifications/stream-tickets", person.token());
		if (ticket.getStatusCode().value() != 201) {
			throw new IllegalStateException("no ticket: " + ticket);
		}
		return body(ticket).get("ticket").asString();
	}

	/**
	 * A request to open the live stream whose answer is expected to end (a refusal), as
	 * an EventSource sends it.
	 */
	protected ResponseEntity<String> openStream(String path) {
		return http().get()
			.uri(path)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(10));
	}

	/** The live stream as a browser's EventSource opens it: with a ticket in the URL. */
	protected Flux<ServerSentEvent<String>> stream(int port, String ticket, @Nullable String lastEventId) {
		return WebClient.create("http://127.0.0.1:" + port)
			.get()
			.uri("/api/notifications/stream?ticket={ticket}", ticket)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (lastEventId != null) {
					headers.set("Last-Event-ID", lastEventId);
				}
			})
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			});
	}

	// --- the mailbox, read over IMAP as a person would

	/** An email as received. */
	protected record Mail(String subject, String contentType, String text) {
	}

	protected static List<Mail> mailbox(String address) {
		Session session = Session.getInstance(new Properties());
		try {
			Store store = session.getStore("imap");
			store.connect(TestInfrastructure.shared().smtpHost(), TestInfrastructure.shared().imapPort(), address,
					"any");
			try {
				Folder inbox = store.getFolder("INBOX");
				inbox.open(Folder.READ_ONLY);
				List<Mail> mails = new ArrayList<>();
				for (Message message : inbox.getMessages()) {
					mails.add(new Mail(message.getSubject(), message.getContentType(), text(message)));
				}
				return mails;
			}
			finally {
				store.close();
			}
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
		Object content = part.getContent();
		if (content instanceof jakarta.mail.Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		return part.getContentType() + "\n" + content;
	}

	protected static List<String> subjects(String address) {
		return mailbox(address).stream().map(Mail::subject).toList();
	}

	/**
	 * Waits until this service's consumer group has committed every record written to the
	 * topics so far: everything sent before has been handled.
	 */
	protected static void awaitConsumed(String... topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(topics))
				.allTopicNames()
				.get()
				.values()
				.forEach((topic) -> topic.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(topic.name(), partition.partition()),
							OffsetSpec.latest())));
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
			awaitTrue(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin
					.listConsumerGroupOffsets("notification-service")
					.partitionsToOffsetAndMetadata()
					.get();
				return ends.entrySet()
					.stream()
					.allMatch((end) -> end.getValue() == 0 || (committed.get(end.getKey()) != null
							&& committed.get(end.getKey()).offset() >= end.getValue()));
			});
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static void awaitTrue(java.util.concurrent.Callable<Boolean> condition) {
		org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(condition);
	}

}
