package org.taskflow.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection to a server on this machine, kept alive and spoken raw, so that
 * a test knows every request travels on the same connection and can send several in one
 * write. An answer that does not come within 5 s fails the test.
 */
public final class KeptAliveConnection implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	private KeptAliveConnection(Socket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = new BufferedInputStream(socket.getInputStream());
	}

	public static KeptAliveConnection open(int port) {
		try {
			Socket socket = new Socket("127.0.0.1", port);
			socket.setSoTimeout(5000);
			return new KeptAliveConnection(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A request without a body, e.g.
	 * {@code request("GET /api/tasks", "Authorization: Bearer …")}.
	 */
	public static String request(String requestLine, String... headers) {
		StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		return request.append("\r\n").toString();
	}

	/** Writes the requests in one go, without waiting for any answer. */
	public void write(String... requests) {
		try {
			for (String request : requests) {
				this.out.write(request.getBytes(StandardCharsets.US_ASCII));
			}
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends one request; its answer's status line and headers (the body is dropped). */
	public String exchange(String request) {
		write(request);
		return answer(request.lines().findFirst().orElseThrow());
	}

	/**
	 * The next answer on the connection: its status line and headers (the body is read
	 * and dropped). {@code what} names the request in the failure.
	 */
	public String answer(String what) {
		try {
			String head = readHead(what);
			if (!head.startsWith("HTTP/1.1 304")) {
				dropBody(head);
			}
			return head;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A header's value in an answer's head, or null. */
	public static @Nullable String header(String head, String name) {
		return head.lines()
			.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
			.map((line) -> line.substring(name.length() + 1).strip())
			.findFirst()
			.orElse(null);
	}

	private String readHead(String what) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int next;
			try {
				next = this.in.read();
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError(what + " got no answer within 5 s on a kept-alive connection", ex);
			}
			if (next < 0) {
				throw new IOException("the connection closed: " + head.toString(StandardCharsets.US_ASCII));
			}
			head.write(next);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	private void dropBody(String head) throws IOException {
		String length = header(head, "content-length");
		if (length != null) {
			this.in.readNBytes(Integer.parseInt(length));
		}
		else if ("chunked".equalsIgnoreCase(header(head, "transfer-encoding"))) {
			for (int size = chunkSize(); size > 0; size = chunkSize()) {
				this.in.readNBytes(size + 2);
			}
			// the empty line after the last chunk
			this.in.readNBytes(2);
		}
	}

	private int chunkSize() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int next = this.in.read(); next != '\n'; next = this.in.read()) {
			if (next < 0) {
				throw new IOException("the connection closed inside a chunked body");
			}
			line.write(next);
		}
		return Integer.parseInt(line.toString(StandardCharsets.US_ASCII).strip(), 16);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
