const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : ''
}

/** A day without a time (the API's `dueDate`), shown as that day wherever the browser is. */
export function formatDay(day: string | null | undefined): string {
  return day ? date.format(new Date(`${day}T00:00:00Z`)) : ''
}
