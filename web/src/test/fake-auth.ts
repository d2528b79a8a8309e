import type { ChannelLike, LockManagerLike, SessionDeps, SessionMessage } from '../lib/session'
import { Session } from '../lib/session'

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function jwt(sub: string, serial: number): string {
  const payload = btoa(JSON.stringify({ sub, n: serial })).replace(/=+$/, '')
  return `e30.${payload}.sig`
}

/**
 * auth-service as far as a browser sees it: a refresh cookie that rotates on every use, and reuse of a rotated
 * token revokes the whole family (as RefreshTokens does). One cookie jar, as tabs of one browser share it.
 */
export class FakeAuthServer {
  cookie: string | null = null
  familyRevoked = false
  refreshCalls = 0
  reuseDetected = 0
  readonly validAccess = new Set<string>()
  private readonly rotated = new Set<string>()
  private serial = 0
  /** what protected endpoints answer with; a test may swap it */
  resource: (request: Request) => Response | Promise<Response> = () => Response.json({ ok: true })

  signIn(): void {
    this.cookie = this.nextRefresh()
  }

  expireAccessTokens(): void {
    this.validAccess.clear()
  }

  fetch: typeof fetch = async (input, init) => {
    const request = new Request(new URL(String(input), 'http://app.test'), init)
    const path = new URL(request.url).pathname
    await delay(5)
    if (path === '/api/auth/login') {
      this.cookie = this.nextRefresh()
      return this.tokens()
    }
    if (path === '/api/auth/refresh') {
      this.refreshCalls++
      const presented = this.cookie
      if (!presented || this.familyRevoked) return problem(401)
      if (this.rotated.has(presented)) {
        this.reuseDetected++
        this.familyRevoked = true
        return problem(401)
      }
      this.rotated.add(presented)
      // the answer takes a while, as a real one does: long enough for a second tab to send the same cookie
      await delay(10)
      this.cookie = this.nextRefresh()
      return this.tokens()
    }
    if (path === '/api/auth/logout') {
      this.familyRevoked = true
      this.cookie = null
      return new Response(null, { status: 204 })
    }
    const token = request.headers.get('Authorization')?.replace(/^Bearer /, '')
    if (!token || !this.validAccess.has(token)) return problem(401)
    return this.resource(request)
  }

  /** a tab that sent its request before the rotation arrived still holds the old cookie value */
  snapshotCookie(): string | null {
    return this.cookie
  }

  private tokens(): Response {
    const accessToken = jwt('user-1', ++this.serial)
    this.validAccess.add(accessToken)
    return Response.json({ accessToken, tokenType: 'Bearer', expiresIn: 900 })
  }

  private nextRefresh(): string {
    return `refresh-${++this.serial}`
  }
}

function problem(status: number): Response {
  return Response.json({ status, title: 'Unauthorized' }, { status, headers: { 'Content-Type': 'application/problem+json' } })
}

/** navigator.locks, shared by every tab of an origin: exclusive, first come first served. */
export class FakeLocks implements LockManagerLike {
  private readonly tails = new Map<string, Promise<unknown>>()

  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve()
    const result = previous.then(callback, callback)
    this.tails.set(name, result.catch(() => undefined))
    return result
  }
}

/** BroadcastChannel: a message reaches every other channel of the same name, asynchronously. */
export class FakeBroadcastHub {
  private readonly channels = new Set<ChannelLike>()

  channel(): ChannelLike {
    const hub = this
    const channel: ChannelLike = {
      onmessage: null,
      postMessage(message: SessionMessage) {
        hub.channels.forEach((other) => {
          if (other !== channel) setTimeout(() => other.onmessage?.({ data: message } as MessageEvent<SessionMessage>), 0)
        })
      },
      close() {
        hub.channels.delete(channel)
      },
    }
    this.channels.add(channel)
    return channel
  }
}

/** A browser tab: its own Session over the shared server, locks and broadcast hub. */
export function tab(server: FakeAuthServer, shared: { locks: FakeLocks | null; hub: FakeBroadcastHub | null }): Session {
  const deps: SessionDeps = {
    fetch: server.fetch,
    locks: shared.locks,
    channel: shared.hub ? shared.hub.channel() : null,
    now: () => Date.now(),
  }
  return new Session(deps)
}
