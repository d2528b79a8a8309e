import type { Task } from '../../../lib/api/types'
import { formatDateTime, formatDay } from '../../../lib/format'
import { priorityLabel, statusLabel } from '../api/filters'

interface Props {
  current: Task
  onOverwrite: () => void
  onDiscard: () => void
  busy?: boolean
}

/** A 412: someone changed the task since it was read. Shows their version and lets the person choose. */
export function ConflictNotice({ current, onOverwrite, onDiscard, busy }: Props) {
  return (
    <div role="alert" className="alert alert-warning conflict">
      <h2>Changed elsewhere</h2>
      <p>This task was changed since you opened it (now version {current.version}, {formatDateTime(current.updatedAt)}). The newer version:</p>
      <dl className="conflict-version">
        <dt>Title</dt>
        <dd>{current.title}</dd>
        <dt>Status</dt>
        <dd>{statusLabel[current.status]}</dd>
        <dt>Priority</dt>
        <dd>{priorityLabel[current.priority]}</dd>
        <dt>Due</dt>
        <dd>{current.dueDate ? formatDay(current.dueDate) : current.dueAt ? formatDateTime(current.dueAt) : 'No due date'}</dd>
        <dt>Tags</dt>
        <dd>{current.tags.length ? current.tags.join(', ') : 'None'}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="button" onClick={onDiscard}>
          Discard my changes
        </button>
        <button type="button" className="button button-primary" onClick={onOverwrite} disabled={busy}>
          Save mine over it
        </button>
      </div>
    </div>
  )
}
