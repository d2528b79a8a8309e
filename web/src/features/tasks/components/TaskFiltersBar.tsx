import { useEffect, useState } from 'react'
import { PRIORITIES, priorityLabel, SORTS, sortLabel, STATUSES, statusLabel, type TaskFilters } from '../api/filters'

interface Props {
  filters: TaskFilters
  onChange: (filters: TaskFilters) => void
  me: string | null
}

/** Search, filters and sort for the task list; the search box waits for a pause in typing. */
export function TaskFiltersBar({ filters, onChange, me }: Props) {
  const [q, setQ] = useState(filters.q)
  useEffect(() => setQ(filters.q), [filters.q])
  useEffect(() => {
    if (q === filters.q) return
    const timer = setTimeout(() => onChange({ ...filters, q }), 300)
    return () => clearTimeout(timer)
  }, [q, filters, onChange])
  const set = (key: keyof TaskFilters) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange({ ...filters, [key]: event.target.value })
  const active = Boolean(filters.q || filters.status || filters.priority || filters.tag || filters.assignee || filters.dueAfter || filters.dueBefore)
  return (
    <form role="search" aria-label="Filter tasks" className="filters" onSubmit={(e) => e.preventDefault()}>
      <div className="filter filter-search">
        <label htmlFor="task-search">Search</label>
        <input id="task-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Words in title or description" />
      </div>
      <div className="filter">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={filters.status} onChange={set('status')}>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-priority">Priority</label>
        <select id="filter-priority" value={filters.priority} onChange={set('priority')}>
          <option value="">Any</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {priorityLabel[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-tag">Tag</label>
        <input id="filter-tag" value={filters.tag} onChange={set('tag')} placeholder="e.g. home" autoComplete="off" />
      </div>
      <div className="filter">
        <label htmlFor="filter-assignee">Assignee</label>
        <select id="filter-assignee" value={filters.assignee} onChange={set('assignee')}>
          <option value="">Anyone</option>
          {me && <option value={me}>Assigned to me</option>}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-due-after">Due from</label>
        <input id="filter-due-after" type="date" value={filters.dueAfter} onChange={set('dueAfter')} />
      </div>
      <div className="filter">
        <label htmlFor="filter-due-before">Due until</label>
        <input id="filter-due-before" type="date" value={filters.dueBefore} onChange={set('dueBefore')} />
      </div>
      <div className="filter">
        <label htmlFor="filter-sort">Sort by</label>
        <select id="filter-sort" value={filters.sort} onChange={set('sort')}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {sortLabel[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-order">Order</label>
        <select id="filter-order" value={filters.order} onChange={set('order')}>
          <option value="">Default</option>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
      {active && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onChange({ ...filters, q: '', status: '', priority: '', tag: '', assignee: '', dueAfter: '', dueBefore: '' })}
        >
          Clear filters
        </button>
      )}
    </form>
  )
}
