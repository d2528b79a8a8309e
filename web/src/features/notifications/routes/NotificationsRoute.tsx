import { Link } from 'react-router'
import { Empty, ErrorState, Loading } from '../../../components/States'
import { formatDateTime } from '../../../lib/format'
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications'

export default function NotificationsRoute() {
  const list = useNotifications()
  const markRead = useMarkRead()
  const markAll = useMarkAllRead()
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <section aria-labelledby="notifications-title">
      <div className="page-header">
        <h1 id="notifications-title">Notifications</h1>
        <button type="button" className="button" onClick={() => markAll.mutate()} disabled={markAll.isPending || items.every((n) => n.read)}>
          Mark all read
        </button>
      </div>
      {list.isPending ? (
        <Loading label="Loading notifications…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No notifications yet">
          <p>When someone assigns you a task or a due date comes near, it shows up here.</p>
        </Empty>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.read ? 'notification' : 'notification unread'}>
              <div>
                <p className="notification-title">
                  {!n.read && <span className="visually-hidden">Unread: </span>}
                  {n.taskId ? <Link to={`/tasks/${n.taskId}`}>{n.title}</Link> : n.title}
                </p>
                <p className="notification-body">{n.body}</p>
                <p className="meta">{formatDateTime(n.createdAt)}</p>
              </div>
              {!n.read && (
                <button type="button" className="button button-small" onClick={() => markRead.mutate(n.id)} aria-label={`Mark read: “${n.title}”`}>
                  Mark read
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  )
}
