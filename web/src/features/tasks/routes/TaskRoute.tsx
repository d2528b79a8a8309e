import { useCallback, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ErrorState, Loading } from '../../../components/States'
import { useToast } from '../../../components/Toasts'
import type { Task, TaskRequest } from '../../../lib/api/types'
import { formatDateTime } from '../../../lib/format'
import { messageOf } from '../../../lib/problem'
import { TaskConflict, useDeleteTask, usePatchTask, useTask } from '../api/tasks'
import { ConflictNotice } from '../components/ConflictNotice'
import { TaskForm } from '../components/TaskForm'
import { changes } from '../components/changes'


export default function TaskRoute() {
  const { id = '' } = useParams()
  const task = useTask(id)
  const patch = usePatchTask()
  const remove = useDeleteTask()
  const navigate = useNavigate()
  const toast = useToast()
  const [conflict, setConflict] = useState<{ current: Task; changed: Partial<TaskRequest> } | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [formKey, setFormKey] = useState(0)
  // the version the person started editing: while they edit, a newer one (live from someone else) is not poured
  // into the form, and their save is checked against the version they saw, so it meets the 412 flow, not a silent win
  const [editedBase, setEditedBase] = useState<Task | null>(null)
  const data = task.data
  const onDirtyChange = useCallback(
    (dirty: boolean) => setEditedBase((base) => (dirty ? (base ?? data ?? null) : null)),
    [data],
  )

  if (task.isPending) return <Loading label="Loading the task…" />
  if (task.isError) return <ErrorState error={task.error} onRetry={() => void task.refetch()} />
  const current = task.data
  const shown = editedBase ?? current
  const changedElsewhere = shown.version < current.version

  // the changes are taken against the version the person edited, and the same changes are what a save over a
  // conflict sends on top of the newer version
  const save = async (base: Task, changed: Partial<TaskRequest>) => {
    try {
      const saved = await patch.mutateAsync({ task: base, patch: changed })
      setConflict(null)
      setEditedBase((editing) => (editing ? saved : null))
      toast('Saved')
    } catch (error) {
      if (error instanceof TaskConflict) {
        setConflict({ current: error.current, changed })
        return
      }
      throw error
    }
  }

  return (
    <section aria-labelledby="task-title" className="narrow">
      <p>
        <Link to="/tasks">← Tasks</Link>
      </p>
      <div className="page-header">
        <h1 id="task-title">Edit task</h1>
        <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
          Move to trash
        </button>
      </div>
      <p className="meta">
        Created {formatDateTime(current.createdAt)} · updated {formatDateTime(current.updatedAt)} · version {current.version}
      </p>
      {changedElsewhere && !conflict && (
        <p role="status" className="alert alert-warning">
          Someone else changed this task while you were editing it (now version {current.version}). Your changes are
          kept; saving shows you their version and lets you choose.
        </p>
      )}
      {conflict && (
        <ConflictNotice
          current={conflict.current}
          busy={patch.isPending}
          onDiscard={() => {
            setConflict(null)
            setEditedBase(null)
            setFormKey((k) => k + 1)
          }}
          onOverwrite={() => void save(conflict.current, conflict.changed).catch((error: unknown) => toast(`Not saved: ${messageOf(error)}`))}
        />
      )}
      <TaskForm
        key={formKey}
        initial={shown}
        submitLabel="Save changes"
        onSubmit={(request) => save(shown, changes(shown, request))}
        onDirtyChange={onDirtyChange}
      />
      <ConfirmDialog
        open={confirmDelete}
        title="Move this task to the trash?"
        confirmLabel="Move to trash"
        danger
        busy={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(current, {
            onSuccess: () => {
              toast(`“${current.title}” moved to the trash`)
              navigate('/tasks')
            },
            onError: (error) => {
              setConfirmDelete(false)
              toast(error instanceof TaskConflict ? 'The task was changed elsewhere; check it and try again.' : `Not deleted: ${messageOf(error)}`)
            },
          })
        }
      >
        <p>“{current.title}” can be restored from the trash.</p>
      </ConfirmDialog>
    </section>
  )
}
