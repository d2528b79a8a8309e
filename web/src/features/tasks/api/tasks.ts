import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '../../../lib/api-client'
import { useApi } from '../../../lib/app-context'
import type { ImportResult, Task, TaskPage, TaskRequest, TaskStats } from '../../../lib/api/types'
import { ApiError } from '../../../lib/problem'
import { filtersFrom, listQuery, type TaskFilters } from './filters'

export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (filters: TaskFilters, deleted: boolean) => [...taskKeys.lists(), { ...filters, deleted }] as const,
  details: () => [...taskKeys.all, 'detail'] as const,
  detail: (id: string) => [...taskKeys.details(), id] as const,
  stats: () => [...taskKeys.all, 'stats'] as const,
}

type Pages = InfiniteData<TaskPage, string | null>

/** Thrown by a change refused with 412: the task changed elsewhere; `current` is the newer version. */
export class TaskConflict extends Error {
  readonly current: Task
  constructor(current: Task) {
    super('This task was changed elsewhere.')
    this.name = 'TaskConflict'
    this.current = current
  }
}

const etag = (task: Pick<Task, 'version'>) => `"${task.version}"`
const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`

export function useTasks(filters: TaskFilters, deleted = false) {
  const api = useApi()
  return useInfiniteQuery({
    queryKey: taskKeys.list(filters, deleted),
    queryFn: ({ pageParam, signal }) => api.get<TaskPage>('/api/tasks', listQuery(filters, pageParam, deleted), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  })
}

export function useTask(id: string) {
  const api = useApi()
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => api.get<Task>(taskPath(id), undefined, signal),
  })
}

export function useTaskStats() {
  const api = useApi()
  return useQuery({ queryKey: taskKeys.stats(), queryFn: ({ signal }) => api.get<TaskStats>('/api/tasks/stats', undefined, signal) })
}

/** Every cached list page, for optimistic edits and their rollback. */
function snapshotLists(queryClient: QueryClient) {
  return queryClient.getQueriesData<Pages>({ queryKey: taskKeys.lists() })
}

function restore(queryClient: QueryClient, lists: ReturnType<typeof snapshotLists>, detail?: { id: string; task: Task | undefined }) {
  lists.forEach(([key, data]) => queryClient.setQueryData(key, data))
  if (detail) queryClient.setQueryData(taskKeys.detail(detail.id), detail.task)
}

function mapLists(queryClient: QueryClient, change: (task: Task) => Task | null) {
  queryClient.setQueriesData<Pages>({ queryKey: taskKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.flatMap((task) => {
              const changed = change(task)
              return changed ? [changed] : []
            }),
          })),
        }
      : data,
  )
}

async function conflictOr(api: ApiClient, id: string, error: unknown): Promise<never> {
  if (error instanceof ApiError && error.status === 412) throw new TaskConflict(await api.get<Task>(taskPath(id)))
  throw error
}

export interface PatchVariables {
  task: Task
  patch: Partial<TaskRequest>
}

/**
 * A merge patch guarded by If-Match, shown at once in every cached list and the detail, and rolled back if the
 * server refuses it; a 412 becomes a TaskConflict carrying the newer version (which then replaces the stale one).
 */
export function usePatchTask() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ task, patch }: PatchVariables) => {
      try {
        return (
          await api.request<Task>(taskPath(task.id), {
            method: 'PATCH',
            body: patch,
            contentType: 'application/merge-patch+json',
            headers: { 'If-Match': etag(task) },
          })
        ).data
      } catch (error) {
        return conflictOr(api, task.id, error)
      }
    },
    onMutate: async ({ task, patch }) => {
      await queryClient.cancelQueries({ queryKey: taskKeys.all })
      const lists = snapshotLists(queryClient)
      const detail = { id: task.id, task: queryClient.getQueryData<Task>(taskKeys.detail(task.id)) }
      const optimistic = { ...task, ...patch } as Task
      mapLists(queryClient, (t) => (t.id === task.id ? optimistic : t))
      queryClient.setQueryData(taskKeys.detail(task.id), optimistic)
      return { lists, detail }
    },
    onError: (error, { task }, context) => {
      if (context) restore(queryClient, context.lists, context.detail)
      if (error instanceof TaskConflict) {
        queryClient.setQueryData(taskKeys.detail(task.id), error.current)
        mapLists(queryClient, (t) => (t.id === task.id ? error.current : t))
      }
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(taskKeys.detail(saved.id), saved)
      mapLists(queryClient, (t) => (t.id === saved.id ? saved : t))
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.lists() }).then(() => queryClient.invalidateQueries({ queryKey: taskKeys.stats() })),
  })
}

export function useCreateTask() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    // one key per submission: should the request reach task-service twice (a replay on the way), it creates one task
    mutationFn: async (request: TaskRequest) =>
      (await api.request<Task>('/api/tasks', { method: 'POST', body: request, headers: { 'Idempotency-Key': crypto.randomUUID() } })).data,
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.detail(task.id), task)
      return queryClient.invalidateQueries({ queryKey: taskKeys.all })
    },
  })
}

/** Moves a task to the trash: gone from the lists at once, back if the server refuses. */
export function useDeleteTask() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (task: Task) => {
      try {
        await api.request(taskPath(task.id), { method: 'DELETE', headers: { 'If-Match': etag(task) } })
      } catch (error) {
        return conflictOr(api, task.id, error)
      }
    },
    onMutate: async (task) => {
      await queryClient.cancelQueries({ queryKey: taskKeys.lists() })
      const lists = snapshotLists(queryClient)
      mapLists(queryClient, (t) => (t.id === task.id ? null : t))
      return { lists }
    },
    onError: (_error, _task, context) => context && restore(queryClient, context.lists),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  })
}

export function useRestoreTask() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (task: Task) => (await api.request<Task>(`${taskPath(task.id)}/restore`, { method: 'POST' })).data,
    onMutate: async (task) => {
      await queryClient.cancelQueries({ queryKey: taskKeys.lists() })
      const lists = snapshotLists(queryClient)
      mapLists(queryClient, (t) => (t.id === task.id && t.deletedAt ? null : t))
      return { lists }
    },
    onError: (_error, _task, context) => context && restore(queryClient, context.lists),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  })
}

/** JSON array or NDJSON, sent as the file is; the answer has one result per item. */
export function useImportTasks() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (file: File) => {
      const ndjson = /\.(ndjson|jsonl)$/i.test(file.name)
      return (
        await api.request<ImportResult>('/api/tasks/import', {
          method: 'POST',
          body: file,
          contentType: ndjson ? 'application/x-ndjson' : 'application/json',
        })
      ).data
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  })
}

export const emptyFilters = filtersFrom(new URLSearchParams())
