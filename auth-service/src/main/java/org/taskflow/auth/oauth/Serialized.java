package org.taskflow.auth.oauth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Spring Security's authorization-server types are {@link Serializable} and are stored as
 * such. Reading is restricted to an allow-list of packages, and an object written by an
 * incompatible Spring Security version reads as absent (the client asks for a new token)
 * instead of failing.
 */
final class Serialized {

	private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config
		.createFilter("maxdepth=20;java.base/*;org.springframework.security.**;org.taskflow.auth.**;!*");

	private Serialized() {
	}

	static byte[] write(Serializable value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static <T> T read(byte[] data, Class<T> type) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
			in.setObjectInputFilter(ALLOWED);
			return type.cast(in.readObject());
		}
		catch (InvalidClassException | ClassNotFoundException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
