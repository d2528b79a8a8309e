import { describe, expect, it, vi } from 'vitest'
import { ApiClient } from '../../../lib/api-client'
import { FakeAuthServer, FakeLocks, tab } from '../../../test/fake-auth'
import { openLiveStream } from './live'

class FakeEventSource extends EventTarget {
  closed = false
  constructor(readonly url: string) {
    super()
  }
  close() {
    this.closed = true
  }
  emit(type: string, data?: string) {
    this.dispatchEvent(Object.assign(new Event(type), { data }))
  }
}

async function api() {
  const server = new FakeAuthServer()
  server.signIn()
  let tickets = 0
  server.resource = (request) =>
    new URL(request.url).pathname === '/api/notifications/stream-tickets' && request.method === 'POST'
      ? Response.json({ ticket: `ticket-${++tickets}`, expiresInSeconds: 60 }, { status: 201 })
      : Response.json({}, { status: 404 })
  const session = tab(server, { locks: new FakeLocks(), hub: null })
  await session.refresh()
  return new ApiClient(session, server.fetch)
}

describe('openLiveStream', () => {
  it('opens the stream with a fresh one-use ticket and hands over each notification and task change', async () => {
    const sources: FakeEventSource[] = []
    const onNotification = vi.fn()
    const onTaskChanged = vi.fn()
    const onOpen = vi.fn()
    const close = openLiveStream(await api(), { onNotification, onTaskChanged, onOpen }, (url) => {
      const source = new FakeEventSource(url)
      sources.push(source)
      return source as unknown as EventSource
    })

    await vi.waitFor(() => expect(sources).toHaveLength(1))
    expect(sources[0]?.url).toBe('/api/notifications/stream?ticket=ticket-1')
    // what was stored before the subscription is fetched by the caller once the stream is open
    sources[0]?.emit('open')
    expect(onOpen).toHaveBeenCalledWith(false)
    sources[0]?.emit('notification', JSON.stringify({ id: 'n1', title: 'You were assigned “Ship it”' }))
    expect(onNotification).toHaveBeenCalledWith({ id: 'n1', title: 'You were assigned “Ship it”' })
    sources[0]?.emit('task-changed', JSON.stringify({ taskId: 't1', version: 4 }))
    expect(onTaskChanged).toHaveBeenCalledWith({ taskId: 't1', version: 4 })
    expect(onNotification).toHaveBeenCalledOnce()

    close()
    expect(sources[0]?.closed).toBe(true)
  })

  it('comes back after a dropped stream with a new ticket, never the spent one', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      const sources: FakeEventSource[] = []
      const onOpen = vi.fn()
      const close = openLiveStream(await api(), { onNotification: vi.fn(), onTaskChanged: vi.fn(), onOpen }, (url) => {
        const source = new FakeEventSource(url)
        sources.push(source)
        return source as unknown as EventSource
      })
      await vi.waitFor(() => expect(sources).toHaveLength(1))

      sources[0]?.emit('error')
      expect(sources[0]?.closed).toBe(true)
      await vi.advanceTimersByTimeAsync(2_500)
      await vi.waitFor(() => expect(sources).toHaveLength(2))
      expect(sources[1]?.url).toBe('/api/notifications/stream?ticket=ticket-2')
      sources[1]?.emit('open')
      expect(onOpen).toHaveBeenCalledExactlyOnceWith(true)
      close()
    } finally {
      vi.useRealTimers()
    }
  })
})
