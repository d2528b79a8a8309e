package org.taskflow.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The figures of one Gatling run, read from the statistics table of its HTML report
 * ({@code index.html}; Gatling 3.14 writes no JSON of them): per group (a step of the
 * load), and per request inside it.
 */
final class GatlingReport {

	private static final Pattern ROW = Pattern.compile(
			"<tr id=\"([^\"]+)\" data-parent=\"([^\"]+)\">.*?class=\"ellipsed-name\">([^<]*)</span>(.*?)</tr>",
			Pattern.DOTALL);

	private static final Pattern CELL = Pattern.compile("<td class=\"value \\w+ col-(\\d+)\">([^<]*)</td>");

	private final List<Row> rows;

	private GatlingReport(List<Row> rows) {
		this.rows = rows;
	}

	/** The report of the newest run in {@code resultsFolder}. */
	static GatlingReport newestIn(Path resultsFolder) throws IOException {
		try (Stream<Path> runs = Files.list(resultsFolder)) {
			Path newest = runs.filter(Files::isDirectory)
				.max(Comparator.comparing(GatlingReport::modified))
				.orElseThrow(() -> new IllegalStateException("no Gatling report in " + resultsFolder));
			return parse(Files.readString(newest.resolve("index.html")));
		}
	}

	static GatlingReport parse(String html) {
		Matcher row = ROW.matcher(html);
		List<Row> rows = new ArrayList<>();
		while (row.find()) {
			String[] cells = new String[15];
			Matcher cell = CELL.matcher(row.group(4));
			while (cell.find()) {
				cells[Integer.parseInt(cell.group(1))] = cell.group(2).strip();
			}
			rows.add(new Row(row.group(1), row.group(2), new Figures(row.group(3), number(cells[2]), number(cells[4]),
					number(cells[8]), number(cells[10]), number(cells[11]), number(cells[12]))));
		}
		return new GatlingReport(rows);
	}

	/** The figures of a group's requests. */
	Figures group(String name) {
		return groupRow(name).figures();
	}

	/** The figures of every request in a group. */
	List<Figures> requests(String group) {
		String id = groupRow(group).id();
		return this.rows.stream().filter((row) -> row.parent().equals(id)).map(Row::figures).toList();
	}

	private Row groupRow(String name) {
		return this.rows.stream()
			.filter((row) -> row.id().startsWith("group_") && row.figures().name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no group " + name + " in the report"));
	}

	/** A count or a time in ms; Gatling shows {@code -} where there is none. */
	private static long number(String cell) {
		return cell.equals("-") ? 0 : Long.parseLong(cell);
	}

	private static FileTime modified(Path path) {
		try {
			return Files.getLastModifiedTime(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Row(String id, String parent, Figures figures) {
	}

}
