import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Profile } from '../../../lib/api/types'
import { ProfileForm } from './ProfileForm'

const ada: Profile = {
  id: 'ada',
  email: 'ada@example.com',
  displayName: 'Ada Lovelace',
  timeZone: 'UTC',
  notifications: {},
}

describe('ProfileForm', () => {
  it('keeps what the person typed when the profile is fetched again in the background, and takes the rest', async () => {
    const onSave = vi.fn(() => Promise.resolve())
    const { rerender } = render(<ProfileForm profile={ada} onSave={onSave} />)
    const name = screen.getByLabelText('Name')
    await userEvent.clear(name)
    await userEvent.type(name, 'Augusta Ada King')

    // saved elsewhere meanwhile (another tab): a new profile object with another bio
    rerender(<ProfileForm profile={{ ...ada, bio: 'Poet of science.' }} onSave={onSave} />)

    expect(screen.getByLabelText('Name')).toHaveValue('Augusta Ada King')
    expect(screen.getByLabelText('Bio')).toHaveValue('Poet of science.')
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ displayName: 'Augusta Ada King', bio: 'Poet of science.' }))
  })
})
