import { Link } from 'react-router'
import { useUnreadCount } from '../api/notifications'

export function NotificationBell() {
  const { data: count = 0 } = useUnreadCount()
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`
  return (
    <Link to="/notifications" className="bell" aria-label={label}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
        <path
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
          fill="currentColor"
        />
      </svg>
      {count > 0 && (
        <span className="badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  )
}
