import { zodResolver } from '@hookform/resolvers/zod'
import { Controller, useForm } from 'react-hook-form'
import { z } from 'zod'
import { SelectField, TextAreaField, TextField } from '../../../components/Field'
import { FormError } from '../../../components/States'
import type { Task, TaskRequest } from '../../../lib/api/types'
import { applyProblem } from '../../../lib/forms'
import { PRIORITIES, priorityLabel, STATUSES, statusLabel } from '../api/filters'
import { AssigneePicker } from './AssigneePicker'
import { useEffect, useState } from 'react'

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,39}$/u

const schema = z.object({
  title: z.string().trim().min(1, 'Give the task a title').max(200, 'At most 200 characters'),
  description: z.string().max(20_000, 'At most 20,000 characters'),
  status: z.enum(['TODO', 'IN_PROGRESS', 'DONE']),
  priority: z.enum(['LOW', 'MEDIUM', 'HIGH', 'URGENT']),
  dueDate: z.string(),
  tags: z
    .string()
    .refine((value) => splitTags(value).every((tag) => TAG.test(tag)), "Tags: letters, digits, '-', '_' or '.', at most 40 each")
    .refine((value) => splitTags(value).length <= 20, 'At most 20 tags'),
  assigneeIds: z.array(z.string()).max(20, 'At most 20 assignees'),
})

export type TaskFormValues = z.infer<typeof schema>

function splitTags(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((tag) => tag.trim())
    .filter(Boolean)
}

export function valuesOf(task?: Task): TaskFormValues {
  return {
    title: task?.title ?? '',
    description: task?.description ?? '',
    status: task?.status ?? 'TODO',
    priority: task?.priority ?? 'MEDIUM',
    dueDate: task?.dueDate ?? '',
    tags: (task?.tags ?? []).join(', '),
    assigneeIds: task?.assigneeIds ?? [],
  }
}

export function requestOf(values: TaskFormValues): TaskRequest {
  return {
    title: values.title.trim(),
    description: values.description || undefined,
    status: values.status,
    priority: values.priority,
    dueDate: values.dueDate || undefined,
    tags: splitTags(values.tags),
    assigneeIds: values.assigneeIds,
  }
}

const FIELDS = ['title', 'description', 'status', 'priority', 'dueDate', 'tags', 'assigneeIds'] as const

interface TaskFormProps {
  initial?: Task | undefined
  submitLabel: string
  onSubmit: (request: TaskRequest) => Promise<unknown>
  /** Told when the person starts changing the form (true) and when it is back to `initial` (false). */
  onDirtyChange?: (dirty: boolean) => void
}

/** Create and edit: checked in the browser first, then the server's field errors land beside their fields. */
export function TaskForm({ initial, submitLabel, onSubmit, onDirtyChange }: TaskFormProps) {
  const [formError, setFormError] = useState<string | null>(null)
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<TaskFormValues>({ resolver: zodResolver(schema), values: valuesOf(initial), resetOptions: { keepDirtyValues: true } })
  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange])

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await onSubmit(requestOf(values))
    } catch (error) {
      setFormError(applyProblem(error, setError, FIELDS))
    }
  })

  return (
    <form onSubmit={submit} noValidate className="task-form">
      <FormError message={formError} />
      <TextField label="Title" autoComplete="off" error={errors.title?.message} {...register('title')} />
      <TextAreaField label="Description" rows={4} error={errors.description?.message} {...register('description')} />
      <div className="form-row">
        <SelectField label="Status" error={errors.status?.message} {...register('status')}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Priority" error={errors.priority?.message} {...register('priority')}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {priorityLabel[p]}
            </option>
          ))}
        </SelectField>
        <TextField label="Due date" type="date" error={errors.dueDate?.message} {...register('dueDate')} />
      </div>
      <TextField label="Tags" hint="Separated by commas, e.g. home, urgent-ish" autoComplete="off" error={errors.tags?.message} {...register('tags')} />
      <Controller
        control={control}
        name="assigneeIds"
        render={({ field }) => <AssigneePicker value={field.value} onChange={field.onChange} error={errors.assigneeIds?.message} />}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  )
}
