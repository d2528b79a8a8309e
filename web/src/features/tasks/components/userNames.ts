import { useSyncExternalStore } from 'react'
import type { UserSummary } from '../../../lib/api/types'

// The API shows people's names only through search (it never lists who exists), so names learned there are kept for
// the chips and rows that show the same people.
const names = new Map<string, string>()
const listeners = new Set<() => void>()

export function rememberNames(users: readonly UserSummary[]): void {
  let changed = false
  for (const user of users) {
    if (names.get(user.id) !== user.displayName) {
      names.set(user.id, user.displayName)
      changed = true
    }
  }
  if (changed) listeners.forEach((listener) => listener())
}

export function useUserName(id: string): string | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => names.get(id),
  )
}
