import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Task, TaskPage } from '../../../lib/api/types'
import { aTask } from '../../../test/tasks'
import { taskChangeHandler } from './live'
import { emptyFilters, taskKeys } from './tasks'

const listKey = taskKeys.list(emptyFilters, false)
const cached = (items: Task[]) => ({ pages: [{ items } satisfies TaskPage], pageParams: [null] })

/** A query client with the list and the detail on screen, each answered by `server`. */
function screen(server: { list: Task[]; detail: Task }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  const fetched = { list: 0, detail: 0, stats: 0 }
  queryClient.setQueryData(listKey, cached(server.list))
  queryClient.setQueryData(taskKeys.detail('t1'), server.detail)
  queryClient.setQueryData(taskKeys.stats(), { total: 1 })
  const observers = [
    new QueryObserver(queryClient, {
      queryKey: listKey,
      queryFn: () => {
        fetched.list++
        return cached(server.list)
      },
    }),
    new QueryObserver(queryClient, {
      queryKey: taskKeys.detail('t1'),
      queryFn: () => {
        fetched.detail++
        return server.detail
      },
    }),
    new QueryObserver(queryClient, {
      queryKey: taskKeys.stats(),
      queryFn: () => {
        fetched.stats++
        return { total: 1 }
      },
    }),
  ]
  const unsubscribe = observers.map((observer) => observer.subscribe(() => {}))
  return { queryClient, fetched, close: () => unsubscribe.forEach((stop) => stop()) }
}

const items = (queryClient: QueryClient) =>
  (queryClient.getQueryData(listKey) as { pages: TaskPage[] }).pages.flatMap((page) => page.items)

describe('taskChangeHandler', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }))
  afterEach(() => vi.useRealTimers())

  it('fetches the list and the detail again when someone else changed the task, without touching other queries', async () => {
    const server = { list: [aTask()], detail: aTask() }
    const { queryClient, fetched, close } = screen(server)
    queryClient.setQueryData(['notifications', 'list'], { items: [] })
    const onTaskChanged = taskChangeHandler(queryClient)

    server.list = [aTask({ title: 'Write the annual report', version: 4 })]
    server.detail = aTask({ title: 'Write the annual report', version: 4 })
    onTaskChanged({ taskId: 't1', version: 4 })
    await vi.advanceTimersByTimeAsync(150)

    await vi.waitFor(() => expect(items(queryClient)[0]?.title).toBe('Write the annual report'))
    await vi.waitFor(() => expect(queryClient.getQueryData<Task>(taskKeys.detail('t1'))?.version).toBe(4))
    expect(fetched).toEqual({ list: 1, detail: 1, stats: 1 })
    expect(queryClient.getQueryState(['notifications', 'list'])?.isInvalidated).toBe(false)
    close()
  })

  it('drops a task from the list once the person was taken off it', async () => {
    const server = { list: [aTask(), aTask({ id: 't2', title: 'Other' })], detail: aTask() }
    const { queryClient, close } = screen(server)
    const onTaskChanged = taskChangeHandler(queryClient)

    server.list = [aTask({ id: 't2', title: 'Other' })]
    onTaskChanged({ taskId: 't1', version: 4 })
    await vi.advanceTimersByTimeAsync(150)

    await vi.waitFor(() => expect(items(queryClient).map((t) => t.id)).toEqual(['t2']))
    close()
  })

  it('ignores a change every cached copy already shows: the person made it in this tab', async () => {
    const server = { list: [aTask({ version: 4 })], detail: aTask({ version: 4 }) }
    const { queryClient, fetched, close } = screen(server)
    const onTaskChanged = taskChangeHandler(queryClient)

    onTaskChanged({ taskId: 't1', version: 4 })
    onTaskChanged({ taskId: 't1', version: 3 })
    await vi.advanceTimersByTimeAsync(500)

    expect(fetched).toEqual({ list: 0, detail: 0, stats: 0 })
    close()
  })

  it('fetches the lists for a task it has never seen: it may just have been given to the person', async () => {
    const server = { list: [aTask()], detail: aTask() }
    const { queryClient, fetched, close } = screen(server)
    const onTaskChanged = taskChangeHandler(queryClient)

    server.list = [aTask(), aTask({ id: 't9', title: 'New to me', version: 0 })]
    onTaskChanged({ taskId: 't9', version: 0 })
    await vi.advanceTimersByTimeAsync(150)

    await vi.waitFor(() => expect(items(queryClient).map((t) => t.id)).toEqual(['t1', 't9']))
    expect(fetched.detail).toBe(0)
    close()
  })

  it('answers a burst of changes with one fetch of the lists', async () => {
    const server = { list: [aTask()], detail: aTask() }
    const { queryClient, fetched, close } = screen(server)
    const onTaskChanged = taskChangeHandler(queryClient)

    for (let i = 0; i < 50; i++) onTaskChanged({ taskId: `imported-${i}`, version: 0 })
    onTaskChanged({ taskId: 't1', version: 4 })
    await vi.advanceTimersByTimeAsync(150)

    await vi.waitFor(() => expect(fetched.list).toBe(1))
    expect(fetched.detail).toBe(1)
    expect(fetched.stats).toBe(1)
    close()
  })
})
