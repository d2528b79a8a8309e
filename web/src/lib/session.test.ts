import { describe, expect, it } from 'vitest'
import { ApiClient } from './api-client'
import { FakeAuthServer, FakeBroadcastHub, FakeLocks, tab } from '../test/fake-auth'

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

describe('Session', () => {
  it('restores a session from the refresh cookie on page load', async () => {
    const server = new FakeAuthServer()
    server.signIn()
    const session = tab(server, { locks: new FakeLocks(), hub: new FakeBroadcastHub() })

    expect(session.getStatus()).toBe('unknown')
    const token = await session.refresh()

    expect(token).toBeTruthy()
    expect(session.getStatus()).toBe('signed-in')
    expect(session.userId()).toBe('user-1')
  })

  it('is signed out on page load without a valid refresh cookie', async () => {
    const server = new FakeAuthServer()
    const session = tab(server, { locks: new FakeLocks(), hub: new FakeBroadcastHub() })

    expect(await session.refresh()).toBeNull()
    expect(session.getStatus()).toBe('signed-out')
  })

  it('keeps two tabs that refresh at the same moment both signed in under rotation with reuse detection', async () => {
    const server = new FakeAuthServer()
    server.signIn()
    const shared = { locks: new FakeLocks(), hub: new FakeBroadcastHub() }
    const first = tab(server, shared)
    const second = tab(server, shared)

    const [a, b] = await Promise.all([first.refresh(), second.refresh()])

    expect(server.reuseDetected).toBe(0)
    expect(server.familyRevoked).toBe(false)
    expect(a).toBeTruthy()
    expect(b).toBeTruthy()
    expect(first.getStatus()).toBe('signed-in')
    expect(second.getStatus()).toBe('signed-in')
    // and the session goes on: the cookie left in the jar still refreshes
    expect(await first.refresh(a)).toBeTruthy()
    expect(server.familyRevoked).toBe(false)
  })

  it('shows the race is real: tabs without the lock present the same cookie and the family is revoked', async () => {
    const server = new FakeAuthServer()
    server.signIn()
    const first = tab(server, { locks: null, hub: null })
    const second = tab(server, { locks: null, hub: null })

    await Promise.all([first.refresh(), second.refresh()])

    expect(server.reuseDetected).toBe(1)
    expect(server.familyRevoked).toBe(true)
  })

  it('refreshes once for many concurrent callers in one tab', async () => {
    const server = new FakeAuthServer()
    server.signIn()
    const session = tab(server, { locks: new FakeLocks(), hub: null })

    const tokens = await Promise.all([session.validToken(), session.validToken(), session.validToken()])

    expect(new Set(tokens).size).toBe(1)
    expect(server.refreshCalls).toBe(1)
  })

  it('signs every tab out when one logs out', async () => {
    const server = new FakeAuthServer()
    server.signIn()
    const shared = { locks: new FakeLocks(), hub: new FakeBroadcastHub() }
    const first = tab(server, shared)
    const second = tab(server, shared)
    await first.refresh()
    await settle()
    expect(second.getStatus()).toBe('signed-in')

    await first.logout()
    await settle()

    expect(first.getStatus()).toBe('signed-out')
    expect(second.getStatus()).toBe('signed-out')
    expect(second.token()).toBeNull()
  })

  it('shares a login with the other open tabs', async () => {
    const server = new FakeAuthServer()
    const shared = { locks: new FakeLocks(), hub: new FakeBroadcastHub() }
    const first = tab(server, shared)
    const second = tab(server, shared)

    await first.login('ada@example.com', 'correct horse battery')
    await settle()

    expect(second.getStatus()).toBe('signed-in')
    expect(second.token()).toBe(first.token())
  })
})

describe('ApiClient', () => {
  it('refreshes on a 401 and retries the request once', async () => {
    const server = new FakeAuthServer()
    server.signIn()
    const session = tab(server, { locks: new FakeLocks(), hub: null })
    const api = new ApiClient(session, server.fetch)
    await session.refresh()
    server.expireAccessTokens()

    const data = await api.get<{ ok: boolean }>('/api/things')

    expect(data).toEqual({ ok: true })
    expect(server.refreshCalls).toBe(2)
  })

  it('gives up after one retry and reports the 401', async () => {
    const server = new FakeAuthServer()
    server.signIn()
    const session = tab(server, { locks: new FakeLocks(), hub: null })
    const api = new ApiClient(session, server.fetch)
    await session.refresh()
    server.resource = () => Response.json({ title: 'Unauthorized' }, { status: 401 })

    await expect(api.get('/api/things')).rejects.toMatchObject({ status: 401 })
    expect(server.refreshCalls).toBe(2)
  })

  it('turns a problem document into an error with its field errors', async () => {
    const server = new FakeAuthServer()
    server.signIn()
    const session = tab(server, { locks: new FakeLocks(), hub: null })
    const api = new ApiClient(session, server.fetch)
    server.resource = () =>
      Response.json(
        { type: 'urn:taskflow:problem:validation', status: 400, errors: [{ field: 'title', message: 'must not be blank' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      )

    const error = await api.request('/api/things', { method: 'POST', body: {} }).catch((e: unknown) => e)

    expect(error).toMatchObject({ status: 400, kind: 'validation' })
    expect((error as { fieldErrors(): unknown[] }).fieldErrors()).toEqual([{ field: 'title', message: 'must not be blank' }])
  })
})
