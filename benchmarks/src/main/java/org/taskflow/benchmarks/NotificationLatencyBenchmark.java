package org.taskflow.benchmarks;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event to notification: {@code TaskAssigned} events are published to Kafka at a steady
 * rate, as task-service's relay would, and the assignee's notifications are timed from
 * the publish call to their arrival on the live stream (SSE, so stored in-app first) and
 * in the mailbox (read over IMAP, polled every 50 ms). A warm-up batch is sent first and
 * not counted.
 * <p>
 * Settings (system properties): {@code events} (300), {@code rate} per second (10),
 * {@code warmupEvents} (50).
 */
public final class NotificationLatencyBenchmark {

	private static final String AUTH_USERS = "taskflow.auth.user-events.v1";

	private static final String TASKS = "taskflow.task.task-events.v1";

	private static final Pattern TASK_NUMBER = Pattern.compile("Benchmark task (\\d+)");

	private static final Duration SETTLE = Duration.ofSeconds(30);

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, String> producer;

	private final ServiceUnderTest service;

	/** Publish time of event i, nanoseconds. */
	private final Map<Integer, Long> sent = new ConcurrentHashMap<>();

	private final Map<Integer, Long> live = new ConcurrentHashMap<>();

	private final Map<Integer, Long> mailed = new ConcurrentHashMap<>();

	private final AtomicInteger duplicates = new AtomicInteger();

	private volatile boolean finished;

	private NotificationLatencyBenchmark(ServiceUnderTest service) {
		this.service = service;
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new StringSerializer());
	}

	public static void main(String[] args) throws Exception {
		int events = Integer.getInteger("events", 300);
		int rate = Integer.getInteger("rate", 10);
		int warmupEvents = Integer.getInteger("warmupEvents", 50);
		System.out.println("infrastructure: " + TestInfrastructure.shared().description());
		try (ServiceUnderTest service = ServiceUnderTest.start("notification-service", Map.of())) {
			new NotificationLatencyBenchmark(service).run(events, rate, warmupEvents);
		}
		System.exit(0);
	}

	private void run(int events, int rate, int warmupEvents) throws Exception {
		String owner = "bench-owner-" + UUID.randomUUID();
		String assignee = "bench-assignee-" + UUID.randomUUID();
		String address = assignee + "@taskflow.test";
		register(owner, owner + "@taskflow.test", "Olive");
		Thread.ofVirtual().name("sse").start(() -> readStream(assignee));
		Thread.ofVirtual().name("imap").start(() -> pollMailbox(address));
		register(assignee, address, "Arne");

		System.out.printf("warming up: %d events at %d/s%n", warmupEvents, rate);
		publish(owner, assignee, 0, warmupEvents, rate);
		settle(warmupEvents);
		List.of(this.sent, this.live, this.mailed).forEach(Map::clear);
		this.duplicates.set(0);

		System.out.printf("measuring: %d events at %d/s%n", events, rate);
		publish(owner, assignee, warmupEvents, events, rate);
		settle(events);

		System.out.printf("%nTaskAssigned published to Kafka -> the assignee's notification; %d events at %d/s%n",
				events, rate);
		System.out.printf("%-34s %8s %10s %10s %10s%n", "channel", "arrived", "p50 ms", "p99 ms", "max ms");
		report("in-app, live on the SSE stream", this.live, events);
		report("email, in the mailbox (IMAP)", this.mailed, events);
		if (this.duplicates.get() > 0) {
			System.out.println("duplicates on the stream: " + this.duplicates.get());
		}
		this.finished = true;
		this.producer.close();
	}

	private void register(String userId, String email, String name) {
		Map<String, Object> data = Map.of("userId", userId, "email", email, "displayName", name, "registeredAt",
				Instant.now().toString());
		this.producer.send(new ProducerRecord<>(AUTH_USERS, userId,
				envelope("taskflow.auth.UserRegistered.v1", "/auth-service", userId, data)));
		this.producer.flush();
	}

	/**
	 * Events number {@code first} to {@code first + count - 1}, each a new task assigned.
	 */
	private void publish(String owner, String assignee, int first, int count, int rate) throws InterruptedException {
		long interval = 1_000_000_000L / rate;
		long next = System.nanoTime();
		for (int i = first; i < first + count; i++) {
			String taskId = "task-" + UUID.randomUUID();
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("taskId", taskId);
			data.put("ownerId", owner);
			data.put("title", "Benchmark task " + i);
			data.put("status", "TODO");
			data.put("priority", "MEDIUM");
			data.put("assigneeIds", List.of(assignee));
			data.put("addedAssigneeIds", List.of(assignee));
			data.put("dueDate", null);
			data.put("dueAt", null);
			data.put("dueZone", null);
			data.put("version", 1);
			data.put("actorId", owner);
			String record = envelope("taskflow.task.TaskAssigned.v1", "/task-service", taskId, data);
			long wait = next - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(Duration.ofNanos(wait));
			}
			this.sent.put(i, System.nanoTime());
			this.producer.send(new ProducerRecord<>(TASKS, taskId, record));
			next += interval;
		}
		this.producer.flush();
	}

	private String envelope(String type, String source, String subject, Map<String, Object> data) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("specversion", "1.0");
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("type", type);
		envelope.put("source", source);
		envelope.put("subject", subject);
		envelope.put("time", Instant.now().toString());
		envelope.put("datacontenttype", "application/json");
		envelope.put("data", data);
		return this.json.writeValueAsString(envelope);
	}

	/** Waits until every event arrived on both channels, or {@link #SETTLE} passed. */
	private void settle(int events) throws InterruptedException {
		long deadline = System.nanoTime() + SETTLE.toNanos();
		while ((this.live.size() < events || this.mailed.size() < events) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	/**
	 * The assignee's live stream, authenticated with a bearer token as a non-browser
	 * client.
	 */
	private void readStream(String userId) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(this.service.uri("/api/notifications/stream"))
			.header("Authorization", "Bearer " + TestIssuer.user(userId))
			.header("Accept", "text/event-stream")
			.build();
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("data:")) {
						long now = System.nanoTime();
						JsonNode notification = this.json.readTree(line.substring(5));
						arrived(this.live, notification.get("title").asString(), now);
					}
				}
			}
		}
		catch (Exception ex) {
			if (!this.finished) {
				System.err.println("the stream ended: " + ex);
			}
		}
	}

	/** The assignee's mailbox over IMAP, read every 50 ms. */
	private void pollMailbox(String address) {
		try {
			Store store = Session.getInstance(new Properties()).getStore("imap");
			store.connect(TestInfrastructure.shared().smtpHost(), TestInfrastructure.shared().imapPort(), address,
					"any");
			int read = 0;
			while (!this.finished) {
				Folder inbox = store.getFolder("INBOX");
				inbox.open(Folder.READ_ONLY);
				long now = System.nanoTime();
				Message[] messages = inbox.getMessages();
				for (int i = read; i < messages.length; i++) {
					arrived(this.mailed, messages[i].getSubject(), now);
				}
				read = messages.length;
				inbox.close(false);
				Thread.sleep(50);
			}
		}
		catch (Exception ex) {
			if (!this.finished) {
				System.err.println("the mailbox poller stopped: " + ex);
			}
		}
	}

	private void arrived(Map<Integer, Long> channel, String title, long at) {
		Matcher number = TASK_NUMBER.matcher(title);
		if (number.find() && channel.putIfAbsent(Integer.parseInt(number.group(1)), at) != null
				&& channel == this.live) {
			this.duplicates.incrementAndGet();
		}
	}

	private void report(String channel, Map<Integer, Long> arrivals, int events) {
		List<Long> latencies = new ArrayList<>();
		arrivals.forEach((event, at) -> {
			Long sentAt = this.sent.get(event);
			if (sentAt != null) {
				latencies.add(at - sentAt);
			}
		});
		Latencies figures = Latencies.of(latencies);
		System.out.printf("%-34s %4d/%-4d %10.1f %10.1f %10.1f%n", channel, figures.count(), events,
				figures.medianMillis(), figures.percentileMillis(99), figures.percentileMillis(100));
	}

}
