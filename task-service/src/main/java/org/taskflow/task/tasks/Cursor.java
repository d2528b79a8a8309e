package org.taskflow.task.tasks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpStatus;
import org.taskflow.support.web.ApiException;

/**
 * Where a page ended: the sort it belongs to and the last task's sort value and id
 * (keyset pagination). Opaque to clients (base64url). Pages stay stable under inserts and
 * deletes, since the next page starts strictly after this key, not at an offset.
 *
 * @param sort the sort and direction the cursor was made for, e.g. {@code created:desc}
 * @param value the last task's sort value (epoch millis or rank)
 * @param id the last task's id, the tie-breaker
 */
record Cursor(String sort, long value, String id) {

	private static final String VERSION = "1";

	String encode() {
		String raw = String.join("\n", VERSION, this.sort, Long.toString(this.value), this.id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** Reads a cursor made for {@code sort}; anything else is a 400. */
	static Cursor decode(String text, String sort) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", -1);
			if (parts.length == 4 && parts[0].equals(VERSION) && parts[1].equals(sort) && !parts[3].isEmpty()) {
				return new Cursor(parts[1], Long.parseLong(parts[2]), parts[3]);
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64url, or not a number: invalid like any other malformed cursor
		}
		throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-cursor",
				"The cursor is malformed or belongs to another sort; start again without it.");
	}

}
