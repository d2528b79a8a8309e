import { Empty, ErrorState, Loading } from '../../../components/States'
import { useToast } from '../../../components/Toasts'
import { messageOf } from '../../../lib/problem'
import { useRestoreTask, useTasks, emptyFilters } from '../api/tasks'
import { TaskRow } from '../components/TaskRow'

export default function TrashRoute() {
  const list = useTasks(emptyFilters, true)
  const restore = useRestoreTask()
  const toast = useToast()
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <section aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
      <p className="meta">Tasks in the trash can be restored until they are purged.</p>
      {list.isPending ? (
        <Loading label="Loading the trash…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : tasks.length === 0 ? (
        <Empty title="The trash is empty." />
      ) : (
        <ul className="task-list" aria-label="Tasks in the trash">
          {tasks.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              action={
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Restore “${task.title}”`}
                  onClick={() =>
                    restore.mutate(task, {
                      onSuccess: () => toast(`Restored “${task.title}”`),
                      onError: (error) => toast(`Not restored: ${messageOf(error)}`),
                    })
                  }
                >
                  Restore
                </button>
              }
            />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button type="button" className="button load-more" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          Load more
        </button>
      )}
    </section>
  )
}
