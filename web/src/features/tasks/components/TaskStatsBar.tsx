import { useTaskStats } from '../api/tasks'
import { statusLabel, STATUSES } from '../api/filters'

export function TaskStatsBar() {
  const { data } = useTaskStats()
  if (!data) return null
  return (
    <dl className="stats" aria-label="Task statistics">
      <div>
        <dt>All</dt>
        <dd>{data.total}</dd>
      </div>
      {STATUSES.map((status) => (
        <div key={status}>
          <dt>{statusLabel[status]}</dt>
          <dd>{data.byStatus?.[status] ?? 0}</dd>
        </div>
      ))}
      <div className={data.overdue > 0 ? 'stat-warn' : undefined}>
        <dt>Overdue</dt>
        <dd>{data.overdue}</dd>
      </div>
      <div>
        <dt>In trash</dt>
        <dd>{data.inTrash}</dd>
      </div>
    </dl>
  )
}
