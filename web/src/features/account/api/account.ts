import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi, useServices } from '../../../lib/app-context'
import type { SessionView } from '../../../lib/api/types'

const sessionKeys = { all: ['sessions'] as const }

export function useSessions() {
  const api = useApi()
  return useQuery({ queryKey: sessionKeys.all, queryFn: ({ signal }) => api.get<SessionView[]>('/api/auth/sessions', undefined, signal) })
}

export function useRevokeSession() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.request(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  })
}

export function useChangePassword() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.request('/api/auth/password', { method: 'POST', body }),
    // a password change ends the other sessions
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  })
}

/** Revokes every session of the person, this one included, then forgets the token here and in the other tabs. */
export function useLogoutEverywhere() {
  const api = useApi()
  const { session } = useServices()
  return useMutation({
    mutationFn: () => api.request('/api/auth/logout-all', { method: 'POST' }),
    onSuccess: () => session.forget(),
  })
}

export function useDeleteAccount() {
  const api = useApi()
  const { session } = useServices()
  return useMutation({
    mutationFn: () => api.request('/api/users/me', { method: 'DELETE' }),
    onSuccess: () => session.forget(),
  })
}
