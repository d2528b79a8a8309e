import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router'
import { Loading } from '../components/States'
import { AppShell } from './AppShell'
import { RouteError } from './RouteError'
import type { BootedServices } from './services'

/**
 * The routes. Every screen is its own chunk (route-level code splitting keeps the first load small); the signed-in
 * area waits for the page-load refresh and sends a signed-out person to the login page, remembering where they were.
 */
export function createAppRouter(services: BootedServices, queryClient: QueryClient) {
  const { session, ready } = services

  async function requireSession({ request }: LoaderFunctionArgs) {
    await ready
    if (session.getStatus() !== 'signed-in') {
      const url = new URL(request.url)
      const next = url.pathname + url.search
      throw redirect(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`)
    }
    return null
  }

  async function guestOnly() {
    await ready
    if (session.getStatus() === 'signed-in') throw redirect('/tasks')
    return null
  }

  // a person signed out in another tab (or whose session ended) leaves the signed-in area, with nothing cached
  // (the page-load refresh failing is the loaders' business: they keep the address to come back to)
  let previous = session.getStatus()
  session.subscribe(() => {
    const status = session.getStatus()
    const wasSignedIn = previous === 'signed-in'
    previous = status
    if (status === 'signed-out' && wasSignedIn) {
      queryClient.clear()
      const path = window.location.pathname
      if (path !== '/login' && path !== '/signup') void router.navigate('/login')
    }
  })

  const router = createBrowserRouter([
    {
      errorElement: <RouteError />,
      hydrateFallbackElement: <Loading />,
      children: [
        { path: '/login', loader: guestOnly, lazy: () => import('../features/auth/routes/LoginRoute').then(component) },
        { path: '/signup', loader: guestOnly, lazy: () => import('../features/auth/routes/SignupRoute').then(component) },
        {
          path: '/',
          loader: requireSession,
          element: <AppShell />,
          children: [
            { index: true, loader: () => redirect('/tasks') },
            { path: 'tasks', lazy: () => import('../features/tasks/routes/TasksRoute').then(component) },
            { path: 'tasks/new', lazy: () => import('../features/tasks/routes/NewTaskRoute').then(component) },
            { path: 'tasks/:id', lazy: () => import('../features/tasks/routes/TaskRoute').then(component) },
            { path: 'trash', lazy: () => import('../features/tasks/routes/TrashRoute').then(component) },
            { path: 'import', lazy: () => import('../features/tasks/routes/ImportRoute').then(component) },
            { path: 'notifications', lazy: () => import('../features/notifications/routes/NotificationsRoute').then(component) },
            { path: 'profile', lazy: () => import('../features/profile/routes/ProfileRoute').then(component) },
            { path: 'account', lazy: () => import('../features/account/routes/AccountRoute').then(component) },
            { path: '*', lazy: () => import('./NotFound').then(component) },
          ],
        },
      ],
    },
  ])
  return router
}

function component(module: { default: React.ComponentType }) {
  return { Component: module.default }
}
