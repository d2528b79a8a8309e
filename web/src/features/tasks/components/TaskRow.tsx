import { Link } from 'react-router'
import type { Task, TaskStatus } from '../../../lib/api/types'
import { formatDateTime, formatDay } from '../../../lib/format'
import { priorityLabel, STATUSES, statusLabel } from '../api/filters'

interface TaskRowProps {
  task: Task
  onStatus?: (task: Task, status: TaskStatus) => void
  action?: React.ReactNode
}

export function TaskRow({ task, onStatus, action }: TaskRowProps) {
  const due = task.dueDate ? formatDay(task.dueDate) : task.dueAt ? formatDateTime(task.dueAt) : null
  return (
    <li className={`task-row status-${task.status.toLowerCase()}`}>
      <div className="task-main">
        {task.deletedAt ? (
          <span className="task-title">{task.title}</span>
        ) : (
          <Link to={`/tasks/${task.id}`} className="task-title">
            {task.title}
          </Link>
        )}
        <div className="task-meta">
          <span className={`pill priority-${task.priority.toLowerCase()}`}>{priorityLabel[task.priority]}</span>
          {due && <span className={task.overdue ? 'due overdue' : 'due'}>{task.overdue ? `Overdue: ${due}` : `Due ${due}`}</span>}
          {task.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
          {task.assigneeIds.length > 0 && (
            <span className="meta">
              {task.assigneeIds.length} {task.assigneeIds.length === 1 ? 'assignee' : 'assignees'}
            </span>
          )}
        </div>
      </div>
      {onStatus ? (
        <select
          className="status-select"
          aria-label={`Status of “${task.title}”`}
          value={task.status}
          onChange={(event) => onStatus(task, event.target.value as TaskStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
      ) : null}
      {action}
    </li>
  )
}
