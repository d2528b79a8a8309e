import { NavLink, Outlet, useNavigate } from 'react-router'
import { NotificationBell } from '../features/notifications/components/NotificationBell'
import { useLiveUpdates } from '../features/notifications/api/live'
import { useServices } from '../lib/app-context'

const links = [
  { to: '/tasks', label: 'Tasks' },
  { to: '/trash', label: 'Trash' },
  { to: '/import', label: 'Import' },
  { to: '/profile', label: 'Profile' },
  { to: '/account', label: 'Account' },
]

/** The signed-in frame: skip link, navigation, the bell, and the live stream for as long as it is shown. */
export function AppShell() {
  const { session } = useServices()
  const navigate = useNavigate()
  useLiveUpdates()
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/tasks" className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          TaskFlow
        </NavLink>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === '/tasks'}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-actions">
          <NotificationBell />
          <button
            type="button"
            className="button button-quiet"
            onClick={async () => {
              await session.logout().catch(() => undefined)
              navigate('/login')
            }}
          >
            Log out
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  )
}
