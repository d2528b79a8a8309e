import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ServicesContext, type AppServices } from '../../../lib/app-context'
import { ApiError } from '../../../lib/problem'
import SignupRoute from './SignupRoute'

/** The route over a session whose login a test decides, with sign-up answered as auth-service does: 202 either way. */
function renderSignup(login: (email: string, password: string) => Promise<void>) {
  const signup = vi.fn<typeof fetch>(async () => Response.json({ email: 'ada@example.com' }, { status: 202 }))
  vi.stubGlobal('fetch', signup)
  const services = { session: { login }, api: {} } as unknown as AppServices
  const router = createMemoryRouter(
    [
      { path: '/signup', element: <SignupRoute /> },
      { path: '/tasks', element: <h1>Tasks</h1> },
      { path: '/login', element: <h1>Log in</h1> },
    ],
    { initialEntries: ['/signup'] },
  )
  render(
    <ServicesContext.Provider value={services}>
      <RouterProvider router={router} />
    </ServicesContext.Provider>,
  )
  return signup
}

async function fillAndSubmit() {
  await userEvent.type(screen.getByLabelText('Name'), 'Ada')
  await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com')
  await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery staple')
  await userEvent.click(screen.getByRole('button', { name: 'Sign up' }))
}

describe('SignupRoute', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('signs a new address straight in', async () => {
    const login = vi.fn(async () => undefined)
    const signup = renderSignup(login)
    await fillAndSubmit()

    expect(await screen.findByRole('heading', { name: 'Tasks' })).toBeInTheDocument()
    expect(signup).toHaveBeenCalledWith('/api/auth/signup', expect.objectContaining({ method: 'POST' }))
    expect(login).toHaveBeenCalledWith('ada@example.com', 'correct horse battery staple')
  })

  it('points to the inbox and the login page when the address already has an account', async () => {
    const refused = new ApiError(401, { type: 'urn:taskflow:problem:invalid-credentials' }, new Headers())
    renderSignup(() => Promise.reject(refused))
    await fillAndSubmit()

    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('If that address already has a TaskFlow account')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('link', { name: 'Log in' }))
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument()
  })

  it('shows any other failure on the form', async () => {
    const throttled = new ApiError(
      429,
      { type: 'urn:taskflow:problem:login-throttled', detail: 'Too many failed attempts. Try again later.' },
      new Headers(),
    )
    renderSignup(() => Promise.reject(throttled))
    await fillAndSubmit()

    expect(await screen.findByText('Too many failed attempts. Try again later.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Create your account' })).toBeInTheDocument()
  })
})
