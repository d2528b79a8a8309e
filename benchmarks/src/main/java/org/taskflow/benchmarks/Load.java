package org.taskflow.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load: {@code clients} virtual threads, each sending its next request
 * as soon as the previous answer is read, for a fixed time. One client measures the
 * latency of a request on an otherwise idle service; more measure throughput.
 */
final class Load {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** What a run measured; a response other than 200 counts as an error. */
	record Result(long requests, long errors, Duration elapsed, Latencies latencies) {

		double perSecond() {
			return this.requests / (this.elapsed.toNanos() / 1e9);
		}

	}

	Result run(int clients, Duration duration, Supplier<HttpRequest> request) throws InterruptedException {
		List<Long> samples = Collections.synchronizedList(new ArrayList<>());
		AtomicLong errors = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < clients; i++) {
				threads.submit(() -> {
					List<Long> mine = new ArrayList<>();
					while (System.nanoTime() < deadline) {
						long sent = System.nanoTime();
						if (send(request.get()) != 200) {
							errors.incrementAndGet();
						}
						mine.add(System.nanoTime() - sent);
					}
					samples.addAll(mine);
				});
			}
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		return new Result(samples.size(), errors.get(), elapsed, Latencies.of(samples));
	}

	private int send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
