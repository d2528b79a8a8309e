package org.taskflow.task.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.taskflow.support.web.ApiException;

/**
 * Lists and counts the tasks a person can see (owned or assigned: {@code members}), with
 * filters, text search over {@code searchTokens}, one of four sorts and keyset
 * pagination. Every query starts with {@code members}, so one compound index per sort
 * serves it (see the schema migrations).
 * <p>
 * Empty-value semantics: a tag or assignee filter only matches tasks that have that tag
 * or assignee (never untagged or unassigned ones); tasks without a due date never match
 * {@code dueBefore}, {@code dueAfter} or {@code overdue=true}, and do match
 * {@code overdue=false}; they sort after every due task in ascending due order (first in
 * descending).
 */
@Component
class TaskSearch {

	static final int MAX_LIMIT = 100;

	static final int MAX_QUERY_TOKENS = 10;

	private final ReactiveMongoTemplate mongo;

	TaskSearch(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<Page> list(String userId, Filter filter, Order order, int limit, @Nullable String cursorText, Instant now) {
		if (limit < 1 || limit > MAX_LIMIT) {
			return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
					"limit must be between 1 and " + MAX_LIMIT + "."));
		}
		return Mono.defer(() -> {
			List<Criteria> criteria = filter.criteria(userId, now);
			if (cursorText != null) {
				criteria.add(order.after(Cursor.decode(cursorText, order.name())));
			}
			Query query = new Query(new Criteria().andOperator(criteria)).with(order.sort()).limit(limit + 1);
			return this.mongo.find(query, Task.class).collectList().map((tasks) -> {
				if (tasks.size() <= limit) {
					return new Page(tasks, null);
				}
				List<Task> page = tasks.subList(0, limit);
				return new Page(page, order.cursorAfter(page.getLast()).encode());
			});
		});
	}

	/** Live tasks the person sees, by status, and how many of them are overdue. */
	Mono<Stats> stats(String userId, Instant now) {
		Criteria visible = Criteria.where("members").is(userId).and("deletedAt").is(null);
		Mono<Map<TaskStatus, Long>> byStatus = Flux.fromArray(TaskStatus.values())
			.flatMap((status) -> this.mongo
				.count(new Query(
						Criteria.where("members").is(userId).and("deletedAt").is(null).and("status").is(status)),
						Task.class)
				.map((count) -> Map.entry(status, count)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(TaskStatus.class));
		Mono<Long> overdue = this.mongo.count(new Query(new Criteria().andOperator(visible, Filter.overdue(true, now))),
				Task.class);
		Mono<Long> inTrash = this.mongo.count(
				new Query(Criteria.where("members").is(userId).and("ownerId").is(userId).and("deletedAt").ne(null)),
				Task.class);
		return Mono.zip(byStatus, overdue, inTrash)
			.map((counts) -> new Stats(counts.getT1(),
					counts.getT1().values().stream().mapToLong(Long::longValue).sum(), counts.getT2(), counts.getT3()));
	}

	record Page(List<Task> tasks, @Nullable String nextCursor) {
	}

	/**
	 * The dashboard's numbers.
	 *
	 * @param byStatus live tasks per status
	 * @param total live tasks
	 * @param overdue live tasks past due and not done
	 * @param inTrash the person's own tasks in the trash
	 */
	record Stats(Map<TaskStatus, Long> byStatus, long total, long overdue, long inTrash) {
	}

	/** What a list is narrowed to; each criterion must hold. */
	record Filter(List<TaskStatus> statuses, List<Priority> priorities, List<String> tags, @Nullable String assignee,
			@Nullable String dueBefore, @Nullable String dueAfter, @Nullable Boolean overdue, boolean trash,
			@Nullable String text) {

		List<Criteria> criteria(String userId, Instant now) {
			List<Criteria> criteria = new ArrayList<>();
			criteria.add(Criteria.where("members").is(userId));
			if (this.trash) {
				criteria.add(Criteria.where("ownerId").is(userId));
				criteria.add(Criteria.where("deletedAt").ne(null));
			}
			else {
				criteria.add(Criteria.where("deletedAt").is(null));
			}
			if (!this.statuses.isEmpty()) {
				criteria.add(Criteria.where("status").in(this.statuses));
			}
			if (!this.priorities.isEmpty()) {
				criteria.add(Criteria.where("priority").in(this.priorities));
			}
			if (!this.tags.isEmpty()) {
				criteria.add(Criteria.where("tags")
					.all(this.tags.stream().map((tag) -> tag.strip().toLowerCase(Locale.ROOT)).toList()));
			}
			if (this.assignee != null) {
				criteria.add(Criteria.where("assigneeIds").is(this.assignee));
			}
			if (this.dueBefore != null) {
				criteria.add(Criteria.where("dueSort").lt(bound("dueBefore", this.dueBefore)));
			}
			if (this.dueAfter != null) {
				criteria.add(Criteria.where("dueSort").gte(bound("dueAfter", this.dueAfter)).lt(Task.NO_DUE));
			}
			if (this.overdue != null) {
				criteria.add(overdue(this.overdue, now));
			}
			if (this.text != null) {
				criteria.addAll(text(this.text));
			}
			return criteria;
		}

		static Criteria overdue(boolean overdue, Instant now) {
			if (overdue) {
				return Criteria.where("status").ne(TaskStatus.DONE).and("dueSort").lt(now.toEpochMilli());
			}
			return new Criteria().orOperator(Criteria.where("status").is(TaskStatus.DONE),
					Criteria.where("dueSort").gte(now.toEpochMilli()));
		}

		/**
		 * Every word of the query must be a token of the task; the last one may be a
		 * prefix (search as you type). An anchored prefix still uses the index.
		 */
		private static List<Criteria> text(String text) {
			List<String> tokens = SearchTokens.query(text);
			if (tokens.size() > MAX_QUERY_TOKENS) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
						"q may have at most " + MAX_QUERY_TOKENS + " words.");
			}
			List<Criteria> criteria = new ArrayList<>();
			if (tokens.size() > 1) {
				criteria.add(Criteria.where("searchTokens").all(tokens.subList(0, tokens.size() - 1)));
			}
			if (!tokens.isEmpty()) {
				criteria.add(Criteria.where("searchTokens").regex("^" + tokens.getLast()));
			}
			return criteria;
		}

		/** A day ({@code 2030-01-31}: its start, UTC) or an instant. */
		private static long bound(String name, String value) {
			try {
				if (value.length() == 10) {
					return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
				}
				return Instant.parse(value).toEpochMilli();
			}
			catch (DateTimeParseException | ArithmeticException ex) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
						name + " must be a date (2030-01-31) or an instant (2030-01-31T09:00:00Z).");
			}
		}

	}

	/** A sort key with its direction; ties are broken by id in the same direction. */
	record Order(String key, String field, Sort.Direction direction) {

		static Order of(String key, @Nullable String direction) {
			String field = switch (key) {
				case "created" -> "createdAt";
				case "updated" -> "updatedAt";
				case "due" -> "dueSort";
				case "priority" -> "priorityRank";
				default -> throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter",
						"sort must be one of created, updated, due, priority.");
			};
			Sort.Direction resolved;
			if (direction == null) {
				resolved = key.equals("due") ? Sort.Direction.ASC : Sort.Direction.DESC;
			}
			else if (direction.equals("asc") || direction.equals("desc")) {
				resolved = Sort.Direction.fromString(direction);
			}
			else {
				throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "order must be asc or desc.");
			}
			return new Order(key, field, resolved);
		}

		String name() {
			return this.key + ":" + this.direction.name().toLowerCase(Locale.ROOT);
		}

		Sort sort() {
			return Sort.by(this.direction, this.field).and(Sort.by(this.direction, "_id"));
		}

		Criteria after(Cursor cursor) {
			Object value = switch (this.field) {
				case "createdAt", "updatedAt" -> Instant.ofEpochMilli(cursor.value());
				case "priorityRank" -> (int) cursor.value();
				default -> cursor.value();
			};
			boolean ascending = this.direction.isAscending();
			Criteria beyond = ascending ? Criteria.where(this.field).gt(value) : Criteria.where(this.field).lt(value);
			Criteria tie = ascending ? Criteria.where("_id").gt(cursor.id()) : Criteria.where("_id").lt(cursor.id());
			return new Criteria().orOperator(beyond,
					new Criteria().andOperator(Criteria.where(this.field).is(value), tie));
		}

		Cursor cursorAfter(Task last) {
			long value = switch (this.field) {
				case "createdAt" -> last.createdAt().toEpochMilli();
				case "updatedAt" -> last.updatedAt().toEpochMilli();
				case "priorityRank" -> last.priorityRank();
				default -> last.dueSort();
			};
			return new Cursor(name(), value, last.id());
		}

	}

}
