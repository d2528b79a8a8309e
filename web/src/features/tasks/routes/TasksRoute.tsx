import { useCallback } from 'react'
import { Link, useSearchParams } from 'react-router'
import { Empty, ErrorState, Loading } from '../../../components/States'
import { useToast } from '../../../components/Toasts'
import { useServices } from '../../../lib/app-context'
import type { Task, TaskStatus } from '../../../lib/api/types'
import { messageOf } from '../../../lib/problem'
import { filtersFrom, paramsFrom, statusLabel, type TaskFilters } from '../api/filters'
import { TaskConflict, usePatchTask, useTasks } from '../api/tasks'
import { TaskFiltersBar } from '../components/TaskFiltersBar'
import { TaskRow } from '../components/TaskRow'
import { TaskStatsBar } from '../components/TaskStatsBar'

export default function TasksRoute() {
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  const { session } = useServices()
  const toast = useToast()
  const list = useTasks(filters)
  const patch = usePatchTask()
  const onFilters = useCallback((next: TaskFilters) => setParams(paramsFrom(next), { replace: true }), [setParams])
  const onStatus = (task: Task, status: TaskStatus) =>
    patch.mutate(
      { task, patch: { status } },
      {
        onSuccess: () => toast(`“${task.title}” is now ${statusLabel[status].toLowerCase()}`),
        onError: (error) =>
          toast(error instanceof TaskConflict ? `“${task.title}” was changed elsewhere; showing the newer version.` : `Not saved: ${messageOf(error)}`),
      },
    )
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? []
  const filtered = params.toString() !== ''
  return (
    <section aria-labelledby="tasks-title">
      <div className="page-header">
        <h1 id="tasks-title">Tasks</h1>
        <Link to="/tasks/new" className="button button-primary">
          New task
        </Link>
      </div>
      <TaskStatsBar />
      <TaskFiltersBar filters={filters} onChange={onFilters} me={session.userId()} />
      {list.isPending ? (
        <Loading label="Loading tasks…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : tasks.length === 0 ? (
        filtered ? (
          <Empty title="No task matches these filters." />
        ) : (
          <Empty title="No tasks yet">
            <p>
              <Link to="/tasks/new">Create your first task</Link> or <Link to="/import">import some</Link>.
            </p>
          </Empty>
        )
      ) : (
        <>
          <ul className="task-list" aria-label="Tasks">
            {tasks.map((task) => (
              <TaskRow key={task.id} task={task} onStatus={onStatus} />
            ))}
          </ul>
          {list.hasNextPage && (
            <button type="button" className="button load-more" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </section>
  )
}
