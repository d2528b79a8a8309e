import { toApiError } from '../../../lib/problem'

/**
 * Sign-up needs no token, so it goes around the ApiClient; errors still arrive as problem documents. auth-service
 * answers `202 Accepted` alike whether the address was free or already has an account (whose owner it then tells
 * by email), so this learns nothing about the address.
 */
export async function signUp(request: { email: string; password: string; displayName: string }): Promise<void> {
  const response = await fetch('/api/auth/signup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
  })
  if (!response.ok) throw await toApiError(response)
}
