import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Task, TaskChange, TaskPage } from '../../../lib/api/types'
import { taskKeys } from './tasks'

/** Changes that arrive this close together are fetched with one refetch of the lists, not one each. */
const COALESCE_MS = 100

/** Every copy of the task in the caches: its detail and its rows in any cached list page. */
function cachedCopies(queryClient: QueryClient, taskId: string): Task[] {
  const detail = queryClient.getQueryData<Task>(taskKeys.detail(taskId))
  const rows = queryClient
    .getQueriesData<InfiniteData<TaskPage>>({ queryKey: taskKeys.lists() })
    .flatMap(([, data]) => data?.pages.flatMap((page) => page.items) ?? [])
    .filter((task) => task.id === taskId)
  return detail ? [detail, ...rows] : rows
}

/**
 * What a `task-changed` hint does to the caches: the task's detail and the task lists (and the stats) are fetched
 * again through the API, which decides what the person may now see, so a task they were taken off leaves their
 * list and one they were given appears. Only queries on screen refetch at once; the others are marked stale.
 * A hint about a version every cached copy already shows (the person's own change, made in this tab) does nothing;
 * another tab of theirs, still showing the older version, does refetch. Hints arriving together are handled together.
 */
export function taskChangeHandler(queryClient: QueryClient, delayMs = COALESCE_MS): (change: TaskChange) => void {
  const pending = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = () => {
    timer = undefined
    const ids = [...pending]
    pending.clear()
    ids.forEach((id) => void queryClient.invalidateQueries({ queryKey: taskKeys.detail(id), exact: true }))
    void queryClient.invalidateQueries({ queryKey: taskKeys.lists() })
    void queryClient.invalidateQueries({ queryKey: taskKeys.stats() })
  }

  return (change) => {
    const copies = cachedCopies(queryClient, change.taskId)
    if (copies.length > 0 && copies.every((task) => task.version >= change.version)) return
    pending.add(change.taskId)
    timer ??= setTimeout(flush, delayMs)
  }
}
