import { createContext, useContext, useSyncExternalStore } from 'react'
import type { ApiClient } from './api-client'
import type { Session, SessionStatus } from './session'

export interface AppServices {
  session: Session
  api: ApiClient
}

export const ServicesContext = createContext<AppServices | null>(null)

export function useServices(): AppServices {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices outside <AppProvider>')
  return services
}

export function useApi(): ApiClient {
  return useServices().api
}

export function useSessionStatus(): SessionStatus {
  const { session } = useServices()
  return useSyncExternalStore(session.subscribe, session.getStatus)
}
