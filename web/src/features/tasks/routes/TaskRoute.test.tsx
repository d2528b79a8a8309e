import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import { problem, signedIn } from '../../../test/render'
import { aTask } from '../../../test/tasks'
import { taskChangeHandler } from '../api/live'
import TaskRoute from './TaskRoute'

/** The task's page over a server whose task someone else may change; every PATCH is recorded. */
async function open() {
  const server = { task: aTask(), patches: [] as Request[] }
  const { wrapper, queryClient } = await signedIn((request) => {
    const path = new URL(request.url).pathname
    if (path === '/api/tasks/t1' && request.method === 'GET') return Response.json(server.task)
    if (path === '/api/tasks/t1' && request.method === 'PATCH') {
      server.patches.push(request)
      return request.headers.get('If-Match') === `"${server.task.version}"`
        ? Response.json(server.task)
        : problem(412, { detail: 'The task has changed since you read it.' })
    }
    return Response.json({ items: [] })
  })
  const router = createMemoryRouter([{ path: '/tasks/:id', element: <TaskRoute /> }], { initialEntries: ['/tasks/t1'] })
  render(<RouterProvider router={router} />, { wrapper })
  await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Write the report'))
  /** Someone else saves version 4; the live stream says so. */
  const changedElsewhere = () => {
    server.task = aTask({ title: 'Write the annual report', priority: 'HIGH', version: 4 })
    taskChangeHandler(queryClient)({ taskId: 't1', version: 4 })
  }
  return { server, changedElsewhere }
}

describe('TaskRoute with live changes', () => {
  it('shows a change made elsewhere at once while the person is not editing', async () => {
    const { changedElsewhere } = await open()

    changedElsewhere()

    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Write the annual report'))
    expect(screen.getByLabelText('Priority')).toHaveValue('HIGH')
    expect(screen.queryByText(/changed this task while you were editing/)).not.toBeInTheDocument()
  })

  it('keeps what the person is typing, says the task changed elsewhere, and saves through the 412 conflict', async () => {
    const { server, changedElsewhere } = await open()
    await userEvent.type(screen.getByLabelText('Title'), ' today')

    changedElsewhere()

    expect(await screen.findByText(/Someone else changed this task while you were editing it \(now version 4\)/)).toBeInTheDocument()
    expect(screen.getByLabelText('Title')).toHaveValue('Write the report today')
    // the form still shows the version being edited, not a mix of theirs and the person's
    expect(screen.getByLabelText('Priority')).toHaveValue('MEDIUM')

    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByRole('heading', { name: 'Changed elsewhere' })).toBeInTheDocument()
    expect(server.patches).toHaveLength(1)
    expect(server.patches[0]?.headers.get('If-Match')).toBe('"3"')
  })
})
