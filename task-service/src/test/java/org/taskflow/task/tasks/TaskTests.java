package org.taskflow.task.tasks;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The task's rules, without a database or HTTP in the way. */
class TaskTests {

	private static final Instant CREATED = Instant.parse("2030-01-01T09:00:00Z");

	private static final Instant LATER = CREATED.plusSeconds(60);

	private static final Instant LATER_STILL = LATER.plusSeconds(60);

	private final Task task = Task.create("task-1", "owner", request("Plan", TaskStatus.TODO, List.of("helper")),
			CREATED, null, null);

	@Test
	void aNewTaskIsVersionZeroVisibleToOwnerAndAssignees() {
		assertThat(this.task.version()).isZero();
		assertThat(this.task.members()).containsExactly("owner", "helper");
		assertThat(this.task.createdAt()).isEqualTo(CREATED);
		assertThat(this.task.dueSort()).isEqualTo(Task.NO_DUE);
	}

	@Test
	void completedAtIsStampedOnDoneKeptWhileDoneAndClearedOnReopening() {
		Task done = this.task.editedBy("owner", (current) -> current.withStatus(TaskStatus.DONE), LATER);
		assertThat(done.completedAt()).isEqualTo(LATER);
		assertThat(done.version()).isEqualTo(1);

		Task renamed = done.editedBy("owner", (current) -> request("Plan B", TaskStatus.DONE, current.assigneeIds()),
				LATER_STILL);
		assertThat(renamed.completedAt()).isEqualTo(LATER);

		Task reopened = renamed.editedBy("owner", (current) -> current.withStatus(TaskStatus.IN_PROGRESS), LATER_STILL);
		assertThat(reopened.completedAt()).isNull();
	}

	@Test
	void anEditThatChangesNothingReturnsTheSameTask() {
		assertThat(this.task.editedBy("owner", (current) -> current, LATER)).isSameAs(this.task);
	}

	@Test
	void anAssigneeMayChangeTheStatusAndNothingElse() {
		Task started = this.task.editedBy("helper", (current) -> current.withStatus(TaskStatus.IN_PROGRESS), LATER);
		assertThat(started.status()).isEqualTo(TaskStatus.IN_PROGRESS);

		assertThatExceptionOfType(TaskException.AssigneeMayChangeStatusOnly.class).isThrownBy(() -> this.task
			.editedBy("helper", (current) -> request("Renamed", TaskStatus.IN_PROGRESS, current.assigneeIds()), LATER));
	}

	@Test
	void onlyTheOwnerTrashesAndRestoresAndATrashedTaskCannotBeEdited() {
		assertThatExceptionOfType(TaskException.OwnerOnly.class).isThrownBy(() -> this.task.trashedBy("helper", LATER));

		Task trashed = this.task.trashedBy("owner", LATER);
		assertThat(trashed.isDeleted()).isTrue();
		assertThat(trashed.trashedBy("owner", LATER_STILL)).isSameAs(trashed);
		assertThatExceptionOfType(TaskException.InTrash.class)
			.isThrownBy(() -> trashed.editedBy("owner", (current) -> current.withStatus(TaskStatus.DONE), LATER));

		Task restored = trashed.restoredBy("owner", LATER_STILL);
		assertThat(restored.isDeleted()).isFalse();
		assertThat(restored.version()).isEqualTo(2);
		assertThat(restored.restoredBy("owner", LATER_STILL)).isSameAs(restored);
	}

	@Test
	void aPurgedTaskIsVisibleToNobodyAndKeepsWhenItWasDeleted() {
		Task trashed = this.task.trashedBy("owner", LATER);
		Task purged = trashed.purged(LATER_STILL);
		assertThat(purged.members()).isEmpty();
		assertThat(purged.deletedAt()).isEqualTo(LATER);
		assertThat(purged.purgedAt()).isEqualTo(LATER_STILL);
		assertThat(this.task.purged(LATER).deletedAt()).isEqualTo(LATER);
	}

	@Test
	void removingAnAssigneeKeepsTheOwnerAMember() {
		Task selfAssigned = Task.create("task-2", "owner", request("Mine", TaskStatus.TODO, List.of("owner", "helper")),
				CREATED, null, null);
		Task withoutHelper = selfAssigned.withoutAssignee("helper", LATER);
		assertThat(withoutHelper.assigneeIds()).containsExactly("owner");
		assertThat(withoutHelper.members()).containsExactly("owner");
		Task withoutOwner = withoutHelper.withoutAssignee("owner", LATER);
		assertThat(withoutOwner.assigneeIds()).isEmpty();
		assertThat(withoutOwner.members()).containsExactly("owner");
		assertThat(withoutOwner.version()).isEqualTo(2);
	}

	private static TaskRequest request(String title, TaskStatus status, List<String> assignees) {
		return new TaskRequest(title, null, status, null, null, null, null, null, assignees);
	}

}
