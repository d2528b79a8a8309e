import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi } from '../../../lib/app-context'
import type { Profile, ProfilePatch } from '../../../lib/api/types'

const profileKeys = { me: ['profile', 'me'] as const }

export function useProfile() {
  const api = useApi()
  return useQuery({ queryKey: profileKeys.me, queryFn: ({ signal }) => api.get<Profile>('/api/users/me', undefined, signal) })
}

/** A partial update: null clears a field (avatar, bio, locale, quiet hours), an absent field stays as it is. */
export function useUpdateProfile() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (patch: ProfilePatch | Record<string, unknown>) => (await api.request<Profile>('/api/users/me', { method: 'PATCH', body: patch })).data,
    onSuccess: (profile) => queryClient.setQueryData(profileKeys.me, profile),
  })
}
