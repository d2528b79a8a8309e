import type { Task, TaskRequest } from '../../../lib/api/types'
import { requestOf, valuesOf } from './TaskForm'

/**
 * Only what the person changed, as a merge patch: fields left alone keep whatever someone else saved meanwhile
 * (also when saving over a conflict), and a field emptied in the form is sent as null to clear it.
 */
export function changes(base: Task, request: TaskRequest): Partial<TaskRequest> {
  const before = requestOf(valuesOf(base)) as Record<string, unknown>
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(request)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) patch[key] = value ?? null
  }
  for (const key of Object.keys(before)) {
    if (!(key in patch) && before[key] !== undefined && (request as Record<string, unknown>)[key] === undefined) patch[key] = null
  }
  return patch as Partial<TaskRequest>
}
