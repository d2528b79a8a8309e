import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { TextField } from '../../../components/Field'
import { FormError } from '../../../components/States'
import { applyProblem } from '../../../lib/forms'
import { MIN_PASSWORD } from '../../auth/components/SignupForm'

const schema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    newPassword: z.string().min(MIN_PASSWORD, `At least ${MIN_PASSWORD} characters`).max(128, 'At most 128 characters'),
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: 'The two new passwords differ' })
type Values = z.infer<typeof schema>

export function ChangePasswordForm({ onChange }: { onChange: (body: { currentPassword: string; newPassword: string }) => Promise<unknown> }) {
  const [formError, setFormError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '', confirm: '' } })
  return (
    <form
      noValidate
      aria-labelledby="password-title"
      onSubmit={handleSubmit(async ({ currentPassword, newPassword }) => {
        setFormError(null)
        setDone(false)
        try {
          await onChange({ currentPassword, newPassword })
          reset()
          setDone(true)
        } catch (error) {
          setFormError(applyProblem(error, setError, ['currentPassword', 'newPassword']))
        }
      })}
    >
      <h2 id="password-title">Change password</h2>
      <FormError message={formError} />
      {done && (
        <p role="status" className="alert alert-success">
          Password changed. Your other sessions were signed out.
        </p>
      )}
      <TextField label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...register('currentPassword')} />
      <TextField label="New password" type="password" autoComplete="new-password" error={errors.newPassword?.message} {...register('newPassword')} />
      <TextField label="Repeat the new password" type="password" autoComplete="new-password" error={errors.confirm?.message} {...register('confirm')} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          Change password
        </button>
      </div>
    </form>
  )
}
