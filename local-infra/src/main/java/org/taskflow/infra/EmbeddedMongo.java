package org.taskflow.infra;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on an H2 MVStore, either in memory
 * or in a file.
 *
 * <p>
 * Two gaps of the stock backend are closed here rather than worked around in every
 * service:
 * <ul>
 * <li>Durability: the stock H2 backend commits the MVStore in the background about once a
 * second, so a killed process loses writes the client already saw acknowledged. This
 * backend commits before it answers any command, so "acknowledged" means "in the
 * file".</li>
 * <li>The {@code hello} handshake command, which the server does not know but Spring
 * Boot's Mongo health indicator sends; it is answered like the legacy
 * {@code isMaster}.</li>
 * </ul>
 */
public final class EmbeddedMongo implements AutoCloseable {

	private final MongoServer server;

	private final MVStore store;

	private final String connectionString;

	private EmbeddedMongo(MVStore store, String host, int port) {
		this.store = store;
		this.server = new MongoServer(new CommittingH2Backend(store));
		this.server.bind(host, port);
		InetSocketAddress address = this.server.getLocalAddress();
		this.connectionString = "mongodb://" + host + ":" + address.getPort();
	}

	/**
	 * Starts a server that keeps everything in memory, on the given port (0 for any free
	 * port).
	 */
	public static EmbeddedMongo inMemory(int port) {
		return new EmbeddedMongo(new MVStore.Builder().open(), Loopback.HOST, port);
	}

	/**
	 * Starts a server whose every acknowledged write is in {@code file} before the reply
	 * is sent.
	 */
	public static EmbeddedMongo durable(Path file, int port) throws java.io.IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		// Background auto-commit is off: the backend commits synchronously, and a second
		// writer
		// thread would only add contention.
		MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
		return new EmbeddedMongo(store, Loopback.HOST, port);
	}

	/** {@code mongodb://host:port}, without a database: each service names its own. */
	public String connectionString() {
		return this.connectionString;
	}

	/** Stops serving and releases the file, so that a new server can open it again. */
	@Override
	public void close() {
		this.server.shutdownNow();
		if (!this.store.isClosed()) {
			this.store.close();
		}
	}

	/**
	 * Runs a durable server in its own process until killed:
	 * {@code EmbeddedMongo <file> <port>}. Prints {@code ready <connection string>} once
	 * it accepts connections.
	 */
	public static void main(String[] args) throws Exception {
		EmbeddedMongo mongo = durable(Path.of(args[0]), Integer.parseInt(args[1]));
		Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
		System.out.println("ready " + mongo.connectionString());
		System.out.flush();
		Thread.currentThread().join();
	}

	private static final class CommittingH2Backend extends H2Backend {

		CommittingH2Backend(MVStore store) {
			super(store);
		}

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			if (command.equalsIgnoreCase("hello")) {
				Document reply = super.handleCommand(channel, database, "isMaster", query);
				reply.put("isWritablePrimary", reply.get("ismaster"));
				return reply;
			}
			try {
				return super.handleCommand(channel, database, command, query);
			}
			finally {
				// Also after a failed command: an insert of many documents may have
				// stored some.
				commit();
			}
		}

	}

}
