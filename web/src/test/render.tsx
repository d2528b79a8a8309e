import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { ToastProvider } from '../components/Toasts'
import { ApiClient } from '../lib/api-client'
import { ServicesContext, type AppServices } from '../lib/app-context'
import { FakeAuthServer, FakeLocks, tab } from './fake-auth'

/** A signed-in app context over a fake server whose protected endpoints a test answers itself. */
export async function signedIn(resource: FakeAuthServer['resource']) {
  const server = new FakeAuthServer()
  server.signIn()
  server.resource = resource
  const session = tab(server, { locks: new FakeLocks(), hub: null })
  await session.refresh()
  const services: AppServices = { session, api: new ApiClient(session, server.fetch) }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ServicesContext.Provider value={services}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>{children}</ToastProvider>
      </QueryClientProvider>
    </ServicesContext.Provider>
  )
  return { server, services, queryClient, wrapper }
}

export function renderWithRouter(ui: ReactElement, wrapper: (props: { children: ReactNode }) => ReactElement, path = '/') {
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] })
  return render(<RouterProvider router={router} />, { wrapper })
}

export function problem(status: number, body: object): Response {
  return Response.json({ status, ...body }, { status, headers: { 'Content-Type': 'application/problem+json' } })
}
