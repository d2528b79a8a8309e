package org.taskflow.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

import org.taskflow.testsupport.TestInfrastructure;
import org.taskflow.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task list of one person with 10,000 tasks: latency with one client (median, p99)
 * and throughput with several, for the first page, a deep page (through the cursor), a
 * filtered and sorted page and a text search. Shapes are interleaved round by round after
 * a warm-up; the figures are medians over rounds.
 * <p>
 * Settings (system properties): {@code tasks} (10000), {@code rounds} (3),
 * {@code seconds} per measurement (8), {@code warmupSeconds} (20), {@code clients} for
 * throughput (8).
 */
public final class TaskListBenchmark {

	private static final String[] WORDS = { "invoice", "review", "deploy", "budget", "hiring", "roadmap", "backup",
			"audit", "design", "release", "migration", "support", "training", "report", "security", "pricing",
			"onboarding", "research", "cleanup", "planning" };

	private static final String[] TAGS = { "ops", "docs", "finance", "team", "customer", "infra", "legal", "web" };

	private static final String[] STATUSES = { "TODO", "IN_PROGRESS", "DONE" };

	private static final String[] PRIORITIES = { "LOW", "MEDIUM", "HIGH", "URGENT" };

	private static final int IMPORT_BATCH = 1000;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ServiceUnderTest service;

	private TaskListBenchmark(ServiceUnderTest service) {
		this.service = service;
	}

	public static void main(String[] args) throws Exception {
		int tasks = Integer.getInteger("tasks", 10_000);
		int rounds = Integer.getInteger("rounds", 3);
		Duration duration = Duration.ofSeconds(Integer.getInteger("seconds", 8));
		Duration warmup = Duration.ofSeconds(Integer.getInteger("warmupSeconds", 20));
		int clients = Integer.getInteger("clients", 8);
		System.out.println("infrastructure: " + TestInfrastructure.shared().description());
		try (ServiceUnderTest service = ServiceUnderTest.start("task-service", Map.of())) {
			new TaskListBenchmark(service).run(tasks, rounds, duration, warmup, clients);
		}
		System.exit(0);
	}

	private void run(int tasks, int rounds, Duration duration, Duration warmup, int clients) throws Exception {
		String owner = "benchmark-owner";
		seed(owner, tasks);
		int deepOffset = Math.max(0, tasks - 100);
		Map<String, String> shapes = new LinkedHashMap<>();
		shapes.put("first page", "/api/tasks?limit=20");
		shapes.put("deep page (after %,d)".formatted(deepOffset),
				"/api/tasks?limit=20&cursor=" + cursorAfter(owner, deepOffset));
		shapes.put("filtered: tag+status, by due", "/api/tasks?tag=ops&status=TODO&sort=due&limit=20");
		shapes.put("search: one word", "/api/tasks?q=invoice&limit=20");

		Load load = new Load();
		List<String> paths = new ArrayList<>(shapes.values());
		AtomicInteger next = new AtomicInteger();
		String warmupToken = TestIssuer.user(owner);
		System.out.printf("warming up for %ds (all shapes, %d clients)...%n", warmup.toSeconds(), clients);
		check(load.run(clients, warmup, () -> get(paths.get(next.getAndIncrement() % paths.size()), warmupToken)));

		Map<String, List<Load.Result>> single = new LinkedHashMap<>();
		Map<String, List<Load.Result>> loaded = new LinkedHashMap<>();
		// where the CPU goes under load, per request: the service, and this JVM (the
		// embedded MongoDB server and the client)
		Map<String, Double> serviceCpu = new LinkedHashMap<>();
		Map<String, Double> ownCpu = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			String token = TestIssuer.user(owner);
			for (Map.Entry<String, String> shape : shapes.entrySet()) {
				HttpRequest request = get(shape.getValue(), token);
				single.computeIfAbsent(shape.getKey(), (k) -> new ArrayList<>())
					.add(check(load.run(1, duration, () -> request)));
				Duration serviceBefore = this.service.cpuTime();
				Duration ownBefore = ownCpuTime();
				Load.Result result = check(load.run(clients, duration, () -> request));
				loaded.computeIfAbsent(shape.getKey(), (k) -> new ArrayList<>()).add(result);
				serviceCpu.merge(shape.getKey(), cpuPerRequest(this.service.cpuTime().minus(serviceBefore), result),
						Double::sum);
				ownCpu.merge(shape.getKey(), cpuPerRequest(ownCpuTime().minus(ownBefore), result), Double::sum);
			}
			System.out.printf("round %d of %d done%n", round, rounds);
		}

		System.out.printf("%nTask list of one person with %,d tasks; limit 20; %d rounds of %ds, medians over rounds%n",
				tasks, rounds, duration.toSeconds());
		System.out.printf("%-32s %9s %9s | %9s %9s %9s | %11s %11s%n", "", "1 client", "", clients + " clients", "", "",
				"CPU ms/req:", "MongoDB +");
		System.out.printf("%-32s %9s %9s | %9s %9s %9s | %11s %11s%n", "shape", "p50 ms", "p99 ms", "req/s", "p50 ms",
				"p99 ms", "service", "client JVM");
		for (String shape : shapes.keySet()) {
			List<Load.Result> one = single.get(shape);
			List<Load.Result> many = loaded.get(shape);
			System.out.printf("%-32s %9.1f %9.1f | %9.0f %9.1f %9.1f | %11.2f %11.2f%n", shape,
					median(one, (r) -> r.latencies().medianMillis()),
					median(one, (r) -> r.latencies().percentileMillis(99)), median(many, Load.Result::perSecond),
					median(many, (r) -> r.latencies().medianMillis()),
					median(many, (r) -> r.latencies().percentileMillis(99)), serviceCpu.get(shape) / rounds,
					ownCpu.get(shape) / rounds);
		}
	}

	/** Imports the tasks through the API, in batches of the import's maximum size. */
	private void seed(String owner, int tasks) throws Exception {
		String token = TestIssuer.user(owner);
		long start = System.nanoTime();
		for (int first = 0; first < tasks; first += IMPORT_BATCH) {
			StringBuilder ndjson = new StringBuilder();
			int last = Math.min(tasks, first + IMPORT_BATCH);
			for (int i = first; i < last; i++) {
				ndjson.append(this.json.writeValueAsString(task(i))).append('\n');
			}
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.service.uri("/api/tasks/import"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/x-ndjson")
				.POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode result = this.json.readTree(response.body());
			if (response.statusCode() != 200 || result.get("created").asInt() != last - first) {
				throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("imported %,d tasks in %.1f s (%.0f tasks/s, batches of %d)%n", tasks, seconds,
				tasks / seconds, IMPORT_BATCH);
	}

	private static Map<String, Object> task(int i) {
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("title", "Task %d: %s %s".formatted(i, WORDS[i % WORDS.length], WORDS[(i / 7) % WORDS.length]));
		task.put("description", "Notes for task " + i + " about " + WORDS[(i / 3) % WORDS.length] + ".");
		task.put("status", STATUSES[i % STATUSES.length]);
		task.put("priority", PRIORITIES[(i / 2) % PRIORITIES.length]);
		task.put("tags", List.of(TAGS[i % TAGS.length], TAGS[(i / 5) % TAGS.length]));
		if (i % 4 != 0) {
			task.put("dueDate", LocalDate.of(2027, 1, 1).plusDays(i % 365).toString());
		}
		return task;
	}

	/**
	 * The cursor that continues after {@code offset} tasks, found by paging from the
	 * start.
	 */
	private String cursorAfter(String owner, int offset) throws Exception {
		String token = TestIssuer.user(owner);
		String cursor = null;
		for (int seen = 0; seen < offset;) {
			int limit = Math.min(100, offset - seen);
			String path = "/api/tasks?limit=" + limit + ((cursor != null) ? "&cursor=" + cursor : "");
			JsonNode page = this.json
				.readTree(this.http.send(get(path, token), HttpResponse.BodyHandlers.ofString()).body());
			seen += page.get("items").size();
			cursor = page.get("nextCursor").asString();
		}
		return cursor;
	}

	private static Duration ownCpuTime() {
		return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
	}

	private static double cpuPerRequest(Duration cpu, Load.Result result) {
		return cpu.toNanos() / 1e6 / result.requests();
	}

	private HttpRequest get(String path, String token) {
		return HttpRequest.newBuilder(this.service.uri(path)).header("Authorization", "Bearer " + token).GET().build();
	}

	private static Load.Result check(Load.Result result) {
		if (result.errors() > 0) {
			throw new IllegalStateException(result.errors() + " of " + result.requests() + " requests failed");
		}
		return result;
	}

	private static double median(List<Load.Result> results, ToDoubleFunction<Load.Result> figure) {
		double[] values = results.stream().mapToDouble(figure).sorted().toArray();
		return values[values.length / 2];
	}

}
