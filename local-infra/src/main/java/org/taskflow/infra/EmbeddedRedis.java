package org.taskflow.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A real redis-server (6.2, the binary shipped in the embedded-redis artifact) as a child
 * process.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private EmbeddedRedis(RedisServer server, int port) throws IOException {
		this.server = server;
		this.port = port;
		server.start();
	}

	/** A Redis that keeps nothing on disk. */
	public static EmbeddedRedis ephemeral(int port) throws IOException {
		return new EmbeddedRedis(builder(port).setting("save \"\"").setting("appendonly no").build(), port);
	}

	/**
	 * A Redis that appends every write to a file in {@code directory}, for the local
	 * stack.
	 */
	public static EmbeddedRedis persistent(Path directory, int port) throws IOException {
		Files.createDirectories(directory);
		RedisServer server = builder(port).setting("dir " + directory.toAbsolutePath())
			.setting("appendonly yes")
			.setting("appendfsync everysec")
			.build();
		return new EmbeddedRedis(server, port);
	}

	private static redis.embedded.core.RedisServerBuilder builder(int port) {
		return RedisServer.newRedisServer()
			.bind(Loopback.HOST)
			.port(port)
			.setting("maxmemory 128mb")
			.onShutdownForceStop(true);
	}

	public String host() {
		return Loopback.HOST;
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() throws IOException {
		this.server.stop();
	}

}
