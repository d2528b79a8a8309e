package org.taskflow.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP server a test's stand-in for another service runs on: the JDK's, on a free
 * loopback port, a virtual thread per exchange so a slow answer holds up no other, and
 * stopped when the JVM exits (stand-ins live for the whole test run).
 */
public final class StubServer {

	private StubServer() {
	}

	/** Starts a server answering each path prefix with its handler. */
	public static HttpServer start(Map<String, HttpHandler> handlers) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			handlers.forEach(server::createContext);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Answers with a JSON body. */
	public static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
