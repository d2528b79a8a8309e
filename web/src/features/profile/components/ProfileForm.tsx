import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { SelectField, TextAreaField, TextField } from '../../../components/Field'
import { FormError } from '../../../components/States'
import type { Profile } from '../../../lib/api/types'
import { applyProblem } from '../../../lib/forms'

export const KINDS = ['TASK_ASSIGNED', 'DUE_SOON', 'TASK_COMPLETED', 'WELCOME'] as const
const kindLabel: Record<(typeof KINDS)[number], string> = {
  TASK_ASSIGNED: 'A task is assigned to me',
  DUE_SOON: 'A task is due soon',
  TASK_COMPLETED: 'A task I own is completed',
  WELCOME: 'Welcome message',
}
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

const channels = z.object({ inApp: z.boolean(), email: z.boolean() })
const schema = z
  .object({
    displayName: z.string().trim().min(1, 'Enter your name').max(100, 'At most 100 characters'),
    avatarUrl: z.union([z.literal(''), z.url({ protocol: /^https$/, message: 'An https:// address' })]),
    bio: z.string().max(500, 'At most 500 characters'),
    timeZone: z.string().min(1, 'Choose your time zone'),
    locale: z.string().regex(/^$|^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A language tag such as en or en-GB'),
    notifications: z.object({ TASK_ASSIGNED: channels, DUE_SOON: channels, TASK_COMPLETED: channels, WELCOME: channels }),
    quietEnabled: z.boolean(),
    quietStart: z.string(),
    quietEnd: z.string(),
  })
  .superRefine((v, ctx) => {
    if (!v.quietEnabled) return
    if (!TIME.test(v.quietStart)) ctx.addIssue({ code: 'custom', path: ['quietStart'], message: 'A time such as 22:00' })
    if (!TIME.test(v.quietEnd)) ctx.addIssue({ code: 'custom', path: ['quietEnd'], message: 'A time such as 07:00' })
    if (v.quietStart === v.quietEnd) ctx.addIssue({ code: 'custom', path: ['quietEnd'], message: 'Start and end must differ' })
  })
type Values = z.infer<typeof schema>

function valuesOf(profile: Profile): Values {
  const channelsOf = (kind: (typeof KINDS)[number]) => ({
    inApp: profile.notifications[kind]?.inApp ?? true,
    email: profile.notifications[kind]?.email ?? true,
  })
  return {
    displayName: profile.displayName,
    avatarUrl: profile.avatarUrl ?? '',
    bio: profile.bio ?? '',
    timeZone: profile.timeZone,
    locale: profile.locale ?? '',
    notifications: {
      TASK_ASSIGNED: channelsOf('TASK_ASSIGNED'),
      DUE_SOON: channelsOf('DUE_SOON'),
      TASK_COMPLETED: channelsOf('TASK_COMPLETED'),
      WELCOME: channelsOf('WELCOME'),
    },
    quietEnabled: Boolean(profile.quietHours),
    quietStart: profile.quietHours?.start ?? '22:00',
    quietEnd: profile.quietHours?.end ?? '07:00',
  }
}

const FIELDS = ['displayName', 'avatarUrl', 'bio', 'timeZone', 'locale', 'notifications', 'quietStart'] as const

export function ProfileForm({ profile, onSave }: { profile: Profile; onSave: (patch: Record<string, unknown>) => Promise<unknown> }) {
  const [formError, setFormError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
    return all.includes(profile.timeZone) ? all : [profile.timeZone, ...all]
  }, [profile.timeZone])
  // The form follows the saved profile (after a save, or a refetch in the background), but never over what the person
  // has typed: a reset under the typing once saved the old name in the browser tests.
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), values: valuesOf(profile), resetOptions: { keepDirtyValues: true } })
  const quietEnabled = watch('quietEnabled')

  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (v) => {
        setFormError(null)
        setSaved(false)
        try {
          await onSave({
            displayName: v.displayName.trim(),
            avatarUrl: v.avatarUrl || null,
            bio: v.bio || null,
            timeZone: v.timeZone,
            locale: v.locale || null,
            notifications: v.notifications,
            quietHours: v.quietEnabled ? { start: v.quietStart, end: v.quietEnd } : null,
          })
          setSaved(true)
        } catch (error) {
          setFormError(
            applyProblem(error, setError, FIELDS, { quietHours: 'quietStart', 'quietHours.start': 'quietStart', 'quietHours.end': 'quietEnd' }),
          )
        }
      })}
    >
      <FormError message={formError} />
      {saved && (
        <p role="status" className="alert alert-success">
          Profile saved.
        </p>
      )}
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">About you</h2>
        {profile.avatarUrl && <img src={profile.avatarUrl} alt="Your avatar" width={64} height={64} className="avatar" referrerPolicy="no-referrer" />}
        <TextField label="Name" autoComplete="name" error={errors.displayName?.message} {...register('displayName')} />
        <TextField label="Avatar URL" type="url" placeholder="https://…" error={errors.avatarUrl?.message} {...register('avatarUrl')} />
        <TextAreaField label="Bio" rows={3} error={errors.bio?.message} {...register('bio')} />
        <div className="form-row">
          <SelectField label="Time zone" error={errors.timeZone?.message} {...register('timeZone')}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
          <TextField label="Locale" placeholder="e.g. en-GB" hint="A language tag; empty for the default" error={errors.locale?.message} {...register('locale')} />
        </div>
      </section>
      <section className="card" aria-labelledby="prefs-title">
        <h2 id="prefs-title">Notifications</h2>
        <table className="prefs">
          <caption className="visually-hidden">How you are told about each kind of event</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">In the app</th>
              <th scope="col">By email</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{kindLabel[kind]}</th>
                <td>
                  <input type="checkbox" aria-label={`${kindLabel[kind]}: in the app`} {...register(`notifications.${kind}.inApp`)} />
                </td>
                <td>
                  <input type="checkbox" aria-label={`${kindLabel[kind]}: by email`} {...register(`notifications.${kind}.email`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="field checkbox-field">
          <input id="quiet-enabled" type="checkbox" {...register('quietEnabled')} />
          <label htmlFor="quiet-enabled">Quiet hours: hold emails back during a daily window (in your time zone)</label>
        </div>
        {quietEnabled && (
          <div className="form-row">
            <TextField label="From" type="time" error={errors.quietStart?.message} {...register('quietStart')} />
            <TextField label="Until" type="time" error={errors.quietEnd?.message} {...register('quietEnd')} />
          </div>
        )}
      </section>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  )
}
