import { describe, expect, it } from 'vitest'
import type { Task } from '../../../lib/api/types'
import { requestOf, valuesOf } from './TaskForm'
import { changes } from './changes'

const base: Task = {
  id: 't1',
  title: 'Review the compiler',
  description: 'All of it',
  status: 'TODO',
  priority: 'MEDIUM',
  dueDate: '2026-12-18',
  overdue: false,
  tags: ['work'],
  ownerId: 'user-1',
  assigneeIds: ['user-2'],
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  version: 1,
}

describe('the edit form’s patch', () => {
  it('names only the fields the person changed', () => {
    const edited = requestOf({ ...valuesOf(base), priority: 'URGENT' })

    expect(changes(base, edited)).toEqual({ priority: 'URGENT' })
  })

  it('clears emptied fields with null', () => {
    const edited = requestOf({ ...valuesOf(base), description: '', dueDate: '', tags: '' })

    expect(changes(base, edited)).toEqual({ description: null, dueDate: null, tags: [] })
  })
})
