package org.taskflow.auth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One spelling per address: trimmed, NFC, lower case. Uniqueness is checked on this form.
 */
public final class Emails {

	private Emails() {
	}

	public static String normalise(String email) {
		return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

}
