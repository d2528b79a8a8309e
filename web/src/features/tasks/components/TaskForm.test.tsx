import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../lib/problem'
import { signedIn } from '../../../test/render'
import { TaskForm } from './TaskForm'

describe('TaskForm', () => {
  it('sends what the person entered as a task request', async () => {
    const { wrapper } = await signedIn(() => Response.json([]))
    const onSubmit = vi.fn().mockResolvedValue(undefined)
    render(<TaskForm submitLabel="Create task" onSubmit={onSubmit} />, { wrapper })

    await userEvent.type(screen.getByLabelText('Title'), 'Water the plants')
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'High')
    await userEvent.type(screen.getByLabelText('Tags'), 'home, Garden')
    await userEvent.click(screen.getByRole('button', { name: 'Assign me' }))
    await userEvent.click(screen.getByRole('button', { name: 'Create task' }))

    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Water the plants', priority: 'HIGH', status: 'TODO', tags: ['home', 'Garden'], assigneeIds: ['user-1'] }),
    )
  })

  it('refuses a blank title and a malformed tag before sending', async () => {
    const { wrapper } = await signedIn(() => Response.json([]))
    const onSubmit = vi.fn()
    render(<TaskForm submitLabel="Create task" onSubmit={onSubmit} />, { wrapper })

    await userEvent.type(screen.getByLabelText('Tags'), '#nope')
    await userEvent.click(screen.getByRole('button', { name: 'Create task' }))

    // the resolver validates asynchronously: wait for its verdict before looking at the fields
    await waitFor(() => expect(screen.getByLabelText('Tags')).toHaveAttribute('aria-invalid', 'true'))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Give the task a title')
  })

  it('shows a field error from the server beside its field', async () => {
    const { wrapper } = await signedIn(() => Response.json([]))
    const invalid = new ApiError(400, { errors: [{ field: 'dueDate', message: 'must be a real day' }] }, new Headers())
    render(<TaskForm submitLabel="Create task" onSubmit={() => Promise.reject(invalid)} />, { wrapper })

    await userEvent.type(screen.getByLabelText('Title'), 'Pay rent')
    await userEvent.click(screen.getByRole('button', { name: 'Create task' }))

    expect(await screen.findByText('must be a real day')).toBeInTheDocument()
    expect(screen.getByLabelText('Due date')).toHaveAttribute('aria-invalid', 'true')
  })

  it('finds people by name and assigns them', async () => {
    const { wrapper } = await signedIn((request) =>
      new URL(request.url).pathname === '/api/users/search' ? Response.json([{ id: 'user-2', displayName: 'Grace Hopper' }]) : Response.json({}),
    )
    const onSubmit = vi.fn().mockResolvedValue(undefined)
    render(<TaskForm submitLabel="Create task" onSubmit={onSubmit} />, { wrapper })

    await userEvent.type(screen.getByLabelText('Title'), 'Review the compiler')
    await userEvent.type(screen.getByLabelText('Find a person to assign'), 'gra')
    await userEvent.click(await screen.findByRole('button', { name: 'Assign Grace Hopper' }))

    expect(screen.getByRole('list', { name: 'Assigned people' })).toHaveTextContent('Grace Hopper')
    await userEvent.click(screen.getByRole('button', { name: 'Create task' }))
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ assigneeIds: ['user-2'] }))
  })
})
