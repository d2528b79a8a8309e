import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router'
import { ToastProvider } from '../components/Toasts'
import { ServicesContext } from '../lib/app-context'
import { createQueryClient } from '../lib/query-client'
import { createAppRouter } from './router'
import type { BootedServices } from './services'

export function App({ services }: { services: BootedServices }) {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(() => createAppRouter(services, queryClient))
  return (
    <ServicesContext.Provider value={services}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </ServicesContext.Provider>
  )
}
