import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TaskPage } from '../../../lib/api/types'
import { problem, signedIn } from '../../../test/render'
import { aTask } from '../../../test/tasks'
import { emptyFilters, TaskConflict, taskKeys, useDeleteTask, usePatchTask } from './tasks'

const listKey = taskKeys.list(emptyFilters, false)
const cached = (pages: TaskPage[]) => ({ pages, pageParams: [null] })
const itemsIn = (data: unknown) => (data as { pages: TaskPage[] }).pages.flatMap((p) => p.items)

describe('usePatchTask', () => {
  it('shows the change in the list at once and sends it with If-Match', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const seen: Request[] = []
    const { wrapper, queryClient } = await signedIn(async (request) => {
      seen.push(request)
      await held
      return Response.json(aTask({ status: 'DONE', version: 4 }))
    })
    queryClient.setQueryData(listKey, cached([{ items: [aTask()] }]))
    const { result } = renderHook(() => usePatchTask(), { wrapper })

    act(() => result.current.mutate({ task: aTask(), patch: { status: 'DONE' } }))

    await waitFor(() => expect(itemsIn(queryClient.getQueryData(listKey))[0]?.status).toBe('DONE'))
    release()
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(seen[0]?.method).toBe('PATCH')
    expect(seen[0]?.headers.get('If-Match')).toBe('"3"')
    expect(seen[0]?.headers.get('Content-Type')).toBe('application/merge-patch+json')
  })

  it('rolls the list back when the server refuses the change', async () => {
    const { wrapper, queryClient } = await signedIn(() => problem(400, { detail: 'No.' }))
    queryClient.setQueryData(listKey, cached([{ items: [aTask()] }]))
    const { result } = renderHook(() => usePatchTask(), { wrapper })

    act(() => result.current.mutate({ task: aTask(), patch: { status: 'DONE' } }))

    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(itemsIn(queryClient.getQueryData(listKey))[0]?.status).toBe('TODO')
  })

  it('turns a 412 into a conflict that carries the newer version, and shows that version', async () => {
    const newer = aTask({ title: 'Write the annual report', version: 5 })
    const { wrapper, queryClient } = await signedIn((request) =>
      request.method === 'PATCH' ? problem(412, { detail: 'The task has changed since you read it.' }) : Response.json(newer),
    )
    queryClient.setQueryData(listKey, cached([{ items: [aTask()] }]))
    const { result } = renderHook(() => usePatchTask(), { wrapper })

    act(() => result.current.mutate({ task: aTask(), patch: { status: 'DONE' } }))

    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toBeInstanceOf(TaskConflict)
    expect((result.current.error as TaskConflict).current.version).toBe(5)
    expect(queryClient.getQueryData(taskKeys.detail('t1'))).toEqual(newer)
    expect(itemsIn(queryClient.getQueryData(listKey))[0]?.title).toBe('Write the annual report')
  })
})

describe('useDeleteTask', () => {
  it('takes the task out of the list at once and puts it back if the delete fails', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { wrapper, queryClient } = await signedIn(async () => {
      await held
      return problem(503, { detail: 'Try later.' })
    })
    queryClient.setQueryData(listKey, cached([{ items: [aTask(), aTask({ id: 't2', title: 'Other' })] }]))
    const { result } = renderHook(() => useDeleteTask(), { wrapper })

    act(() => result.current.mutate(aTask()))

    await waitFor(() => expect(itemsIn(queryClient.getQueryData(listKey)).map((t) => t.id)).toEqual(['t2']))
    release()
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(itemsIn(queryClient.getQueryData(listKey)).map((t) => t.id)).toEqual(['t1', 't2'])
  })
})
