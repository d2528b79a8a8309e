import type { Account } from '../../../lib/api/types'
import { toApiError } from '../../../lib/problem'

/** Sign-up needs no token, so it goes around the ApiClient; errors still arrive as problem documents. */
export async function signUp(request: { email: string; password: string; displayName: string }): Promise<Account> {
  const response = await fetch('/api/auth/signup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
  })
  if (!response.ok) throw await toApiError(response)
  return (await response.json()) as Account
}
