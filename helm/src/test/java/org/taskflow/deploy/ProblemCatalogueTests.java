package org.taskflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/problems.md names every problem {@code type} a client can receive. The slugs are
 * found in the main code of every module (not a fixed list: problem handling moves
 * between modules), so a new or renamed problem fails here until the catalogue says what
 * it means and what a client should do.
 */
class ProblemCatalogueTests {

	private static final Path CATALOGUE = Chart.REPOSITORY.resolve("docs/problems.md");

	/**
	 * A slug as the second argument after an {@code HttpStatus} constant, the shape of
	 * every {@code Problems.of(...)} and {@code new ApiException(...)} call.
	 */
	private static final Pattern STATUS_AND_SLUG = Pattern
		.compile("HttpStatus\\.([A-Z_]+)\\s*,\\s*\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"");

	/** A type written out in full. */
	private static final Pattern FULL_TYPE = Pattern.compile("urn:taskflow:problem:([a-z][a-z0-9]*(?:-[a-z0-9]+)*)");

	/** A catalogue row: {@code | `slug` | 409 Conflict | ...}. */
	private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z][a-z0-9-]*)`\\s*\\|([^|]*)\\|");

	private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", "dist");

	private static final List<String> SOURCE_SUFFIXES = List.of(".java", ".kt", ".yaml", ".yml", ".json");

	/** The section of slugs derived from the HTTP status of Spring's own errors. */
	private static final String DERIVED_SECTION = "## Spring's own errors";

	@Test
	void everyProblemTypeInTheMainCodeIsCatalogued() {
		Map<String, Set<String>> used = usedInMainCode();
		Map<String, String> catalogued = catalogue(false);
		catalogued.putAll(catalogue(true));
		Map<String, Set<String>> missing = new TreeMap<>(used);
		missing.keySet().removeAll(catalogued.keySet());
		assertThat(missing).as("problem types used in src/main but missing from docs/problems.md").isEmpty();
	}

	@Test
	void theCatalogueGivesTheStatusTheCodeAnswersWith() {
		Map<String, String> catalogued = catalogue(false);
		catalogued.putAll(catalogue(true));
		List<String> wrong = new ArrayList<>();
		for (Occurrence occurrence : occurrences()) {
			if (occurrence.status() == null) {
				continue;
			}
			String cell = catalogued.get(occurrence.slug());
			String phrase = occurrence.status().toLowerCase(Locale.ROOT).replace('_', ' ');
			if (cell != null && !cell.toLowerCase(Locale.ROOT).contains(phrase)) {
				wrong.add(occurrence.slug() + " is " + occurrence.status() + " in " + occurrence.file()
						+ ", the catalogue says '" + cell.strip() + "'");
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyCataloguedTypeStillExistsInTheCode() {
		Set<String> stale = new TreeSet<>(catalogue(false).keySet());
		stale.removeAll(usedInMainCode().keySet());
		assertThat(stale).as("catalogued outside '%s' but no longer used in any src/main", DERIVED_SECTION).isEmpty();
	}

	@Test
	void findsTheProblemsOfSeveralModules() {
		// guards the scan itself: a pattern that stopped matching would pass the tests
		// above vacuously
		Set<String> modules = occurrences().stream()
			.map((occurrence) -> occurrence.file().getName(0).toString())
			.collect(Collectors.toSet());
		assertThat(modules).hasSizeGreaterThanOrEqualTo(4);
		assertThat(usedInMainCode()).hasSizeGreaterThanOrEqualTo(20)
			.containsKeys("rate-limited", "unsupported-api-version", "task-not-found", "invalid-refresh-token");
	}

	/** Slug to the files that use it. */
	private static Map<String, Set<String>> usedInMainCode() {
		Map<String, Set<String>> used = new TreeMap<>();
		for (Occurrence occurrence : occurrences()) {
			used.computeIfAbsent(occurrence.slug(), (slug) -> new TreeSet<>()).add(occurrence.file().toString());
		}
		return used;
	}

	private static List<Occurrence> occurrences() {
		List<Occurrence> found = new ArrayList<>();
		for (Path file : mainSources()) {
			String text = Chart.read(file);
			Path relative = Chart.REPOSITORY.relativize(file);
			if (file.toString().endsWith(".java") || file.toString().endsWith(".kt")) {
				Matcher call = STATUS_AND_SLUG.matcher(text);
				while (call.find()) {
					found.add(new Occurrence(call.group(2), call.group(1), relative));
				}
			}
			Matcher full = FULL_TYPE.matcher(text);
			while (full.find()) {
				found.add(new Occurrence(full.group(1), null, relative));
			}
		}
		return found;
	}

	/**
	 * Every source file under some module's {@code src/main}, at any depth of the tree;
	 * build output, dependencies and local data are not walked.
	 */
	private static List<Path> mainSources() {
		List<Path> sources = new ArrayList<>();
		try {
			Files.walkFileTree(Chart.REPOSITORY, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
					String name = String.valueOf(directory.getFileName());
					boolean skipped = !directory.equals(Chart.REPOSITORY)
							&& (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name));
					return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					String path = Chart.REPOSITORY.relativize(file).toString().replace('\\', '/');
					if (path.contains("/src/main/") && SOURCE_SUFFIXES.stream().anyMatch(path::endsWith)) {
						sources.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sources;
	}

	/**
	 * Slug to its status cell, from the rows inside the derived section or outside it.
	 */
	private static Map<String, String> catalogue(boolean derived) {
		assertThat(CATALOGUE).as("the problem catalogue").exists();
		Map<String, String> rows = new TreeMap<>();
		boolean inDerived = false;
		for (String line : Chart.read(CATALOGUE).lines().toList()) {
			if (line.startsWith("## ")) {
				inDerived = line.startsWith(DERIVED_SECTION);
			}
			Matcher row = ROW.matcher(line);
			if (row.find() && inDerived == derived) {
				rows.merge(row.group(1), row.group(2), (a, b) -> a + " / " + b);
			}
		}
		return rows;
	}

	private record Occurrence(String slug, String status, Path file) {
	}

}
