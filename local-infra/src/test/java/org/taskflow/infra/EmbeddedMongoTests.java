package org.taskflow.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTests {

	@TempDir
	Path dir;

	@Test
	void losesNoAcknowledgedWriteWhenTheServerProcessIsKilled() throws Exception {
		Path file = this.dir.resolve("mongo.mv.db");
		int port = Loopback.freePort();
		JavaProcess server = startServerProcess(file, port);
		int writers = 4;
		int perWriter = 250;
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			MongoCollection<Document> items = client.getDatabase("durability").getCollection("items");
			try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
				List<Future<?>> done = IntStream.range(0, writers)
					.<Future<?>>mapToObj((w) -> pool.submit(() -> IntStream.range(0, perWriter)
						.forEach((i) -> items.insertOne(new Document("_id", w * perWriter + i)))))
					.toList();
				for (Future<?> writer : done) {
					writer.get();
				}
			}
			// Every insert above returned, so each was acknowledged. Crash at once: no
			// shutdown hook runs.
			server.kill();
		}

		JavaProcess restarted = startServerProcess(file, port);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			MongoCollection<Document> items = client.getDatabase("durability").getCollection("items");
			assertThat(items.countDocuments()).isEqualTo(writers * perWriter);
			assertThat(items.find(new Document("_id", writers * perWriter - 1)).first()).isNotNull();
		}
		finally {
			restarted.stop(Duration.ofSeconds(10));
		}
	}

	@Test
	void aDurableServerClosedAndStartedAgainInTheSameProcessKeepsItsData() throws Exception {
		Path file = this.dir.resolve("mongo.mv.db");
		int port = Loopback.freePort();
		try (EmbeddedMongo mongo = EmbeddedMongo.durable(file, port);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("restart").getCollection("items").insertOne(new Document("_id", "before"));
		}
		try (EmbeddedMongo mongo = EmbeddedMongo.durable(file, port);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertThat(client.getDatabase("restart").getCollection("items").countDocuments()).isEqualTo(1);
		}
	}

	@Test
	void answersTheHelloHandshakeThatHealthChecksSend() {
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
			assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
			assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
		}
	}

	private JavaProcess startServerProcess(Path file, int port) throws IOException, InterruptedException {
		Path log = this.dir.resolve("mongo-" + System.nanoTime() + ".log");
		JavaProcess process = JavaProcess.start("mongo", List.of("-Xmx128m"), List.of("-cp",
				JavaProcess.currentClassPath(), EmbeddedMongo.class.getName(), file.toString(), Integer.toString(port)),
				log);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(log) && Files.readString(log).contains("ready ")) {
				return process;
			}
			assertThat(process.isAlive()).as("mongo process alive; log: %s", log).isTrue();
			Thread.sleep(100);
		}
		process.kill();
		throw new IllegalStateException("embedded mongo did not start; see " + log);
	}

}
