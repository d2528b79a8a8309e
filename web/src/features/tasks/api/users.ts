import { useQuery } from '@tanstack/react-query'
import { useApi } from '../../../lib/app-context'
import type { UserSummary } from '../../../lib/api/types'

/** People whose name or email starts with `q` (user-service), for the assignee picker. */
export function useUserSearch(q: string) {
  const api = useApi()
  const term = q.trim()
  return useQuery({
    queryKey: ['users', 'search', term],
    queryFn: ({ signal }) => api.get<UserSummary[]>('/api/users/search', { q: term }, signal),
    enabled: term.length >= 2,
    staleTime: 60_000,
  })
}
