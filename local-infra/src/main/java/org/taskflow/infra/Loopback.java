package org.taskflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Where embedded servers listen: loopback only, on fixed or free ports. */
public final class Loopback {

	public static final String HOST = "127.0.0.1";

	private Loopback() {
	}

	/**
	 * A port nothing listens on right now. Bind soon: another process may take it later.
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether something accepts connections on the port. */
	public static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
