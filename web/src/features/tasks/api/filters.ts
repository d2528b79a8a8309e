import type { Priority, TaskStatus } from '../../../lib/api/types'

export const STATUSES: readonly TaskStatus[] = ['TODO', 'IN_PROGRESS', 'DONE']
export const PRIORITIES: readonly Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT']
export const SORTS = ['created', 'updated', 'due', 'priority'] as const

export const statusLabel: Record<TaskStatus, string> = { TODO: 'To do', IN_PROGRESS: 'In progress', DONE: 'Done' }
export const priorityLabel: Record<Priority, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', URGENT: 'Urgent' }
export const sortLabel: Record<(typeof SORTS)[number], string> = {
  created: 'Created',
  updated: 'Updated',
  due: 'Due date',
  priority: 'Priority',
}

/** The list's filters, kept in the URL so a reload, the back button and a shared link keep them. */
export interface TaskFilters {
  q: string
  status: string
  priority: string
  tag: string
  assignee: string
  dueAfter: string
  dueBefore: string
  sort: string
  order: string
}

const KEYS: readonly (keyof TaskFilters)[] = ['q', 'status', 'priority', 'tag', 'assignee', 'dueAfter', 'dueBefore', 'sort', 'order']

export function filtersFrom(params: URLSearchParams): TaskFilters {
  const filters = Object.fromEntries(KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as TaskFilters
  if (!SORTS.includes(filters.sort as (typeof SORTS)[number])) filters.sort = 'created'
  if (filters.order !== 'asc' && filters.order !== 'desc') filters.order = ''
  return filters
}

export function paramsFrom(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of KEYS) {
    const value = filters[key]
    if (value && !(key === 'sort' && value === 'created')) params.set(key, value)
  }
  return params
}

/** The API's query for a page of the list. */
export function listQuery(filters: TaskFilters, cursor: string | null, deleted = false) {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    priority: filters.priority || undefined,
    tag: filters.tag.trim().toLowerCase() || undefined,
    assignee: filters.assignee || undefined,
    dueAfter: filters.dueAfter || undefined,
    dueBefore: filters.dueBefore || undefined,
    sort: filters.sort,
    order: filters.order || undefined,
    deleted: deleted || undefined,
    limit: 20,
    cursor: cursor ?? undefined,
  }
}
