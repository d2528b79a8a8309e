import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { TextField } from '../../../components/Field'
import { FormError } from '../../../components/States'
import { applyProblem } from '../../../lib/forms'

// the server's password policy decides; this only catches what is surely too short before a round trip
export const MIN_PASSWORD = 12

const schema = z.object({
  displayName: z.string().trim().min(1, 'Enter your name').max(100, 'At most 100 characters'),
  email: z.email('Enter a valid email address').max(254),
  password: z.string().min(MIN_PASSWORD, `At least ${MIN_PASSWORD} characters`).max(128, 'At most 128 characters'),
})
export type SignupValues = z.infer<typeof schema>

export function SignupForm({ onSignup }: { onSignup: (values: SignupValues) => Promise<void> }) {
  const [formError, setFormError] = useState<string | null>(null)
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignupValues>({ resolver: zodResolver(schema), defaultValues: { displayName: '', email: '', password: '' } })
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setFormError(null)
        try {
          await onSignup(values)
        } catch (error) {
          setFormError(applyProblem(error, setError, ['displayName', 'email', 'password']))
        }
      })}
    >
      <FormError message={formError} />
      <TextField label="Name" autoComplete="name" error={errors.displayName?.message} {...register('displayName')} />
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...register('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD} characters; a passphrase of a few words is easy to remember.`}
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Creating your account…' : 'Sign up'}
        </button>
      </div>
    </form>
  )
}
