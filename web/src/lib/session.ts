/**
 * The signed-in session in the browser. The access token lives in this object only (never in storage); the
 * refresh token is the httpOnly cookie auth-service sets on /api/auth, which script cannot read.
 *
 * Refresh tokens rotate on every use and presenting a rotated one revokes the whole family (RFC 9700 §4.14.2). Two
 * tabs that refresh at the same moment would both present the same cookie, and the second would sign the person out
 * everywhere. So a refresh runs under a Web Lock shared by every tab of the origin: the second tab waits, and by the
 * time it holds the lock the first tab has broadcast the new access token, which the second adopts without a request
 * of its own (and if it missed the message, the cookie jar already holds the rotated token, so its request is valid).
 */

import { toApiError } from './problem'

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out'

export interface TokenResponse {
  accessToken: string
  tokenType?: string
  expiresIn: number
}

/** What a tab tells the others. */
export type SessionMessage =
  | { type: 'token'; accessToken: string; expiresAt: number }
  | { type: 'signed-out' }

export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>
}

export interface ChannelLike {
  postMessage(message: SessionMessage): void
  onmessage: ((event: MessageEvent<SessionMessage>) => void) | null
  close(): void
}

export interface SessionDeps {
  fetch: typeof fetch
  locks: LockManagerLike | null
  channel: ChannelLike | null
  now: () => number
}

const LOCK = 'taskflow-refresh'
export const CHANNEL = 'taskflow-session'
// refresh a little before the server would refuse the token, so a request in flight does not meet a 401
const EXPIRY_MARGIN_MS = 30_000

export class Session {
  private accessToken: string | null = null
  private expiresAt = 0
  private status: SessionStatus = 'unknown'
  private inflight: Promise<string | null> | null = null
  private readonly listeners = new Set<() => void>()
  private readonly deps: SessionDeps

  constructor(deps: SessionDeps) {
    this.deps = deps
    if (deps.channel) deps.channel.onmessage = (event) => this.receive(event.data)
  }

  getStatus = (): SessionStatus => this.status

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The current access token, if it is not about to expire. */
  token(): string | null {
    return this.accessToken && this.deps.now() < this.expiresAt - EXPIRY_MARGIN_MS ? this.accessToken : null
  }

  /** The subject (user id) of the current token, read without verification: it is for display only. */
  userId(): string | null {
    return this.accessToken ? subjectOf(this.accessToken) : null
  }

  /** Signs in with email and password; the refresh cookie comes back in the same answer. */
  async login(email: string, password: string): Promise<void> {
    const response = await this.deps.fetch('/api/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (!response.ok) throw await toApiError(response)
    this.adopt((await response.json()) as TokenResponse, true)
  }

  /**
   * A token for the next request: the current one, or a refreshed one. `stale` is the token a request was refused
   * with (a 401), so a token another tab or request obtained meanwhile is used instead of refreshing again.
   * Resolves to null when the person must sign in.
   */
  async validToken(stale: string | null = null): Promise<string | null> {
    const current = this.token()
    if (current && current !== stale) return current
    return this.refresh(stale)
  }

  /** Refreshes with the cookie, once per tab at a time and once per origin at a time. */
  refresh(stale: string | null = null): Promise<string | null> {
    if (!this.inflight) {
      const run = () => this.refreshHoldingLock(stale)
      const locked = this.deps.locks ? this.deps.locks.request(LOCK, run) : run()
      this.inflight = locked.finally(() => {
        this.inflight = null
      })
    }
    return this.inflight
  }

  /** Ends this session (revoking its refresh-token family) in every tab. */
  async logout(): Promise<void> {
    try {
      await this.deps.fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' })
    } finally {
      this.signedOut(true)
    }
  }

  /** After "log out everywhere", a deleted account or a password change elsewhere: forget the token locally. */
  forget(): void {
    this.signedOut(true)
  }

  private async refreshHoldingLock(stale: string | null): Promise<string | null> {
    // another tab may have refreshed while this one waited for the lock, and broadcast the result
    const fresh = this.token()
    if (fresh && fresh !== stale) return fresh
    let response: Response
    try {
      response = await this.deps.fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      })
    } catch (error) {
      // offline or the gateway is down: not a reason to sign the person out
      if (this.status === 'unknown') this.setStatus('signed-out')
      throw error
    }
    if (response.status === 401 || response.status === 403) {
      this.signedOut(this.status === 'signed-in')
      return null
    }
    if (!response.ok) throw await toApiError(response)
    const tokens = (await response.json()) as TokenResponse
    this.adopt(tokens, true)
    return tokens.accessToken
  }

  private adopt(tokens: TokenResponse, broadcast: boolean): void {
    this.accessToken = tokens.accessToken
    this.expiresAt = this.deps.now() + tokens.expiresIn * 1000
    if (broadcast) this.deps.channel?.postMessage({ type: 'token', accessToken: this.accessToken, expiresAt: this.expiresAt })
    this.setStatus('signed-in')
  }

  private receive(message: SessionMessage): void {
    if (message.type === 'token') {
      this.accessToken = message.accessToken
      this.expiresAt = message.expiresAt
      this.setStatus('signed-in')
    } else {
      this.signedOut(false)
    }
  }

  private signedOut(broadcast: boolean): void {
    this.accessToken = null
    this.expiresAt = 0
    if (broadcast) this.deps.channel?.postMessage({ type: 'signed-out' })
    this.setStatus('signed-out')
  }

  private setStatus(status: SessionStatus): void {
    this.status = status
    this.listeners.forEach((listener) => listener())
  }
}

function subjectOf(jwt: string): string | null {
  try {
    const payload = jwt.split('.')[1] ?? ''
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
    const sub = (JSON.parse(json) as { sub?: unknown }).sub
    return typeof sub === 'string' ? sub : null
  } catch {
    return null
  }
}

/** The browser's session: Web Locks and BroadcastChannel where the browser has them. */
export function browserSession(): Session {
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? (navigator.locks as LockManagerLike) : null
  const channel = typeof BroadcastChannel !== 'undefined' ? (new BroadcastChannel(CHANNEL) as unknown as ChannelLike) : null
  return new Session({ fetch: (input, init) => fetch(input, init), locks, channel, now: () => Date.now() })
}
