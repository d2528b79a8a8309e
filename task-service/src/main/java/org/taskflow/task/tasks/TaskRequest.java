package org.taskflow.task.tasks;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The fields a client may set on a task: the body of create and full update, and the
 * document a merge patch is applied to. Owner, id, version and timestamps are not here,
 * so they cannot be mass-assigned. {@code dueDate} (a day) and {@code dueAt} (an instant,
 * with the IANA {@code dueZone} the user picked) are mutually exclusive. Omitted optional
 * fields take their defaults: status {@code TODO}, priority {@code MEDIUM}, no tags, no
 * assignees.
 */
public record TaskRequest(@Schema(
		description = "One line: no control characters, unpaired surrogates or bidirectional overrides.") @NotBlank @Size(
				max = 200) @PlainText String title,
		@Schema(description = "Tab and line breaks allowed; no other control characters, unpaired surrogates or "
				+ "bidirectional overrides.") @Size(
						max = 20_000) @PlainText(lineBreaks = true) @Nullable String description,
		@Nullable TaskStatus status, @Nullable Priority priority,
		@Schema(description = "A day from " + FIRST_DUE + " to " + LAST_DUE + ".") @Nullable LocalDate dueDate,
		@Schema(description = "An instant from "
				+ FIRST_DUE + "T00:00:00Z to " + LAST_DUE + "T23:59:59.999999999Z.") @Nullable Instant dueAt,
		@Size(max = 64) @Nullable String dueZone,
		@Size(max = 20) @Nullable List<@NotNull @Pattern(regexp = TAG,
				message = "letters, digits, '-', '_' or '.', at most 40") String> tags,
		@Size(max = 20) @Nullable List<@NotBlank @Size(max = 100) String> assigneeIds) {

	static final String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]{0,39}";

	/**
	 * Due dates a task may have: from the epoch, which the sortable due time counts from,
	 * to the last four-digit year. Beyond that no plan is real, and a far instant (Java
	 * reads years up to a billion) overflows the due time in milliseconds.
	 */
	static final String FIRST_DUE = "1970-01-01";

	static final String LAST_DUE = "9999-12-31";

	private static final LocalDate FIRST_DUE_DAY = LocalDate.parse(FIRST_DUE);

	private static final LocalDate LAST_DUE_DAY = LocalDate.parse(LAST_DUE);

	private static final Instant EARLIEST_DUE = FIRST_DUE_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final Instant LATEST_DUE = LAST_DUE_DAY.plusDays(1)
		.atStartOfDay(ZoneOffset.UTC)
		.toInstant()
		.minusNanos(1);

	TaskStatus statusOrDefault() {
		return (this.status != null) ? this.status : TaskStatus.TODO;
	}

	Priority priorityOrDefault() {
		return (this.priority != null) ? this.priority : Priority.MEDIUM;
	}

	/** Tags compare case-insensitively: stored lower-case, once each, in order. */
	List<String> normalisedTags() {
		return (this.tags != null) ? this.tags.stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).distinct().toList()
				: List.of();
	}

	List<String> normalisedAssignees() {
		return (this.assigneeIds != null) ? this.assigneeIds.stream().map(String::strip).distinct().toList()
				: List.of();
	}

	/** This request with another status: what an assignee's change may differ in. */
	TaskRequest withStatus(TaskStatus status) {
		return new TaskRequest(this.title, this.description, status, this.priority, this.dueDate, this.dueAt,
				this.dueZone, this.tags, this.assigneeIds);
	}

	/** Throws {@link TaskException.Invalid} naming each field that breaks a rule. */
	void requireValid() {
		List<Map<String, String>> errors = crossFieldErrors();
		if (!errors.isEmpty()) {
			throw new TaskException.Invalid(errors);
		}
	}

	/** What annotations cannot say: the due fields' rules. Empty when valid. */
	List<Map<String, String>> crossFieldErrors() {
		List<Map<String, String>> errors = new ArrayList<>();
		if (this.dueDate != null && this.dueAt != null) {
			errors.add(Map.of("field", "dueAt", "message", "set either dueDate or dueAt, not both"));
		}
		if (this.dueDate != null && (this.dueDate.isBefore(FIRST_DUE_DAY) || this.dueDate.isAfter(LAST_DUE_DAY))) {
			errors.add(Map.of("field", "dueDate", "message", "must be from " + FIRST_DUE + " to " + LAST_DUE));
		}
		if (this.dueAt != null && (this.dueAt.isBefore(EARLIEST_DUE) || this.dueAt.isAfter(LATEST_DUE))) {
			errors.add(Map.of("field", "dueAt", "message", "must be from " + EARLIEST_DUE + " to " + LATEST_DUE));
		}
		if (this.dueZone != null) {
			if (this.dueAt == null) {
				errors.add(Map.of("field", "dueZone", "message", "only with dueAt"));
			}
			else if (!isZone(this.dueZone)) {
				errors.add(Map.of("field", "dueZone", "message", "is not an IANA time zone"));
			}
		}
		return errors;
	}

	private static boolean isZone(String zone) {
		try {
			return ZoneId.of(zone).getId().equals(zone);
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
