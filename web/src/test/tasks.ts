import type { Task } from '../lib/api/types'

/** A task as task-service answers it: owned by the signed-in test user (`user-1`), version 3. */
export function aTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 't1',
    title: 'Write the report',
    status: 'TODO',
    priority: 'MEDIUM',
    overdue: false,
    tags: [],
    ownerId: 'user-1',
    assigneeIds: [],
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    version: 3,
    ...overrides,
  }
}
