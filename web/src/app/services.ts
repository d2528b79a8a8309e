import { ApiClient } from '../lib/api-client'
import type { AppServices } from '../lib/app-context'
import { browserSession } from '../lib/session'

export interface BootedServices extends AppServices {
  /** settles once the page-load refresh has decided whether the person is signed in */
  ready: Promise<void>
}

export function createServices(): BootedServices {
  const session = browserSession()
  const api = new ApiClient(session)
  // the silent refresh on page load: the cookie (if any) becomes an access token in memory
  const ready = session.refresh().then(
    () => undefined,
    () => undefined,
  )
  return { session, api, ready }
}
