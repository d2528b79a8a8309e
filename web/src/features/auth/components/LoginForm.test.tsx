import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../lib/problem'
import { LoginForm } from './LoginForm'

describe('LoginForm', () => {
  it('checks the fields before sending anything', async () => {
    const onLogin = vi.fn()
    render(<LoginForm onLogin={onLogin} />)

    await userEvent.click(screen.getByRole('button', { name: 'Log in' }))

    // the resolver validates asynchronously: wait for its verdict before looking at the fields
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true'))
    expect(onLogin).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address')
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password')
  })

  it('shows a refused login as an alert for the form', async () => {
    const refused = new ApiError(401, { status: 401, detail: 'Wrong email or password.' }, new Headers())
    render(<LoginForm onLogin={() => Promise.reject(refused)} />)

    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'not the password')
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.')
  })
})
