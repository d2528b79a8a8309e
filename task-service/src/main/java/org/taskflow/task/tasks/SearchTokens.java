package org.taskflow.task.tasks;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Text search without {@code $text} (which the embedded Mongo server lacks): a task keeps
 * the normalised words of its title and description in {@code searchTokens}, a multikey
 * index finds them. Normalised means lower case, accents removed, split on anything that
 * is not a letter or digit, so markdown syntax never becomes a token.
 */
final class SearchTokens {

	/** Enough for a long description; more words only grow the index. */
	static final int MAX_TOKENS = 500;

	static final int MAX_TOKEN_LENGTH = 40;

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private SearchTokens() {
	}

	/** The distinct tokens of a task's searchable text, in order of appearance. */
	static List<String> of(@Nullable String... texts) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (String token : split(text)) {
				if (tokens.size() == MAX_TOKENS) {
					return List.copyOf(tokens);
				}
				tokens.add(token);
			}
		}
		return List.copyOf(tokens);
	}

	/** A query's tokens, in order; duplicates kept out. */
	static List<String> query(String text) {
		return List.copyOf(new LinkedHashSet<>(split(text)));
	}

	private static List<String> split(String text) {
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
		List<String> tokens = new ArrayList<>();
		for (String token : SEPARATORS.split(folded)) {
			if (!token.isEmpty()) {
				tokens.add((token.length() > MAX_TOKEN_LENGTH) ? token.substring(0, MAX_TOKEN_LENGTH) : token);
			}
		}
		return tokens;
	}

}
