// The access token expires while the app is open, and work goes on without signing in again. The suite under test
// gives access tokens a short life (system-tests RunningSuite), and the services allow a minute of clock skew, so
// this test waits about two minutes; it runs beside the others.
import type { Page } from '@playwright/test'
import { expect, newPerson, signUp, test } from './fixtures'

/** Longer than this and waiting for the token to expire is not a test any more but a stall. */
const MAX_TTL_SECONDS = 120

/** The access tokens the page receives, newest last. */
function tokensOf(page: Page): { token: string; expiresIn: number }[] {
  const tokens: { token: string; expiresIn: number }[] = []
  page.on('response', async (response) => {
    if (!/\/api\/auth\/(login|refresh)$/.test(new URL(response.url()).pathname) || response.status() !== 200) return
    const body = (await response.json()) as { accessToken: string; expiresIn: number }
    tokens.push({ token: body.accessToken, expiresIn: body.expiresIn })
  })
  return tokens
}

/** The API calls (not the refreshes) that were refused with 401. */
function refusalsOf(page: Page): string[] {
  const refused: string[] = []
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname
    if (response.status() === 401 && path.startsWith('/api/') && !path.startsWith('/api/auth/')) refused.push(path)
  })
  return refused
}

async function createTask(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'New task' }).click()
  await page.getByLabel('Title').fill(title)
  await page.getByRole('button', { name: 'Create task' }).click()
  await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('link', { name: title })).toBeVisible()
}

test('after the access token has expired, the app refreshes it and work goes on', async ({ page, newContext, request, consoleWatch }) => {
  test.setTimeout(5 * 60_000)
  // a tab whose clock stands still still believes in its token: the API refuses it, and the app refreshes and retries
  consoleWatch.allow(401, /^\/api\/(?!auth\/)/)
  const stale = await (await newContext()).newPage()
  await stale.clock.setFixedTime(new Date())
  const ada = tokensOf(page)
  const grace = tokensOf(stale)
  const refusedAda = refusalsOf(page)
  const refusedGrace = refusalsOf(stale)
  await signUp(page, newPerson('Ada Lovelace'))
  await signUp(stale, newPerson('Grace Hopper'))
  const first = ada.at(-1)
  const firstGrace = grace.at(-1)
  expect(first && firstGrace).toBeTruthy()
  expect(
    first!.expiresIn,
    `access tokens live ${first!.expiresIn} s here; start the suite with --set=auth-service:taskflow.auth.access-token-ttl=45s`,
  ).toBeLessThanOrEqual(MAX_TTL_SECONDS)

  // until the API itself refuses both tokens (expiry plus the services' allowed clock skew)
  for (const token of [first!.token, firstGrace!.token]) {
    await expect
      .poll(async () => (await request.get('/api/tasks', { headers: { Authorization: `Bearer ${token}` } })).status(), {
        timeout: (MAX_TTL_SECONDS + 90) * 1000,
        intervals: [5000],
      })
      .toBe(401)
  }

  // a tab with a true clock knows its token is spent and refreshes before it asks
  await createTask(page, 'Written after the token expired')
  expect(ada.at(-1)!.token).not.toBe(first!.token)
  expect(refusedAda).toEqual([])

  // the tab whose clock stands still sends the spent token, meets the 401, refreshes once and retries
  await createTask(stale, 'Also written after the token expired')
  expect(grace.at(-1)!.token).not.toBe(firstGrace!.token)
  expect(refusedGrace.length).toBeGreaterThan(0)
  await expect(stale.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible()
})
