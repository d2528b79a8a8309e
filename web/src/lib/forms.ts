import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import { ApiError, messageOf } from './problem'

/**
 * Puts a problem document's field errors next to their fields. Returns the message for the form as a whole: the
 * problem's detail when no field error matched a field of this form, otherwise null. `aliases` names the form field
 * for a server field the form shows differently (`quietHours.start` → `quietStart`).
 */
export function applyProblem<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  aliases: Readonly<Record<string, Path<T>>> = {},
): string | null {
  if (!(error instanceof ApiError)) return messageOf(error)
  let placed = 0
  for (const { field, message } of error.fieldErrors()) {
    const name = aliases[field] ?? fields.find((f) => f === field || field.startsWith(`${f}.`) || field.startsWith(`${f}[`))
    if (name) {
      setError(name, { type: 'server', message })
      placed++
    }
  }
  return placed > 0 ? null : messageOf(error)
}
