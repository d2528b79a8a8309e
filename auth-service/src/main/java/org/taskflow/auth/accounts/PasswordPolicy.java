package org.taskflow.auth.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.taskflow.support.web.ApiException;

/**
 * NIST SP 800-63B style: length matters, composition rules do not; known-common passwords
 * and passwords made of the email are refused.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	static void check(String password, String email) {
		String lower = password.toLowerCase(Locale.ROOT);
		String localPart = email.substring(0, Math.max(0, email.indexOf('@')));
		if (password.codePointCount(0, password.length()) < MIN_LENGTH || password.length() > MAX_LENGTH) {
			throw weak("Use between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters.");
		}
		if (password.chars().distinct().count() < 4) {
			throw weak("Use more than three different characters.");
		}
		if (COMMON.contains(lower) || (localPart.length() >= 4 && lower.contains(localPart))) {
			throw weak("This password is too easy to guess.");
		}
	}

	private static ApiException weak(String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, "weak-password", detail);
	}

	private static Set<String> load() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
