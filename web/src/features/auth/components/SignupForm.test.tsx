import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../lib/problem'
import { SignupForm } from './SignupForm'

describe('SignupForm', () => {
  it('puts the server’s field errors next to their fields', async () => {
    const invalid = new ApiError(
      400,
      { type: 'urn:taskflow:problem:validation', errors: [{ field: 'password', message: 'This password is too common.' }] },
      new Headers(),
    )
    render(<SignupForm onSignup={() => Promise.reject(invalid)} />)

    await userEvent.type(screen.getByLabelText('Name'), 'Ada')
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'password1234')
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }))

    const password = screen.getByLabelText('Password')
    expect(await screen.findByText('This password is too common.')).toBeInTheDocument()
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(password).toHaveAccessibleDescription(expect.stringContaining('This password is too common.'))
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid')
  })
})
