// What every browser test shares: a watch on the browser console (any error fails the test, a CSP violation shows up
// as one), new people with unique addresses, the axe scan, and API helpers that seed data as a client program would.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test as base, expect, type APIRequestContext, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test'

export { expect }

export const PASSWORD = 'analytical engine 1843'

export interface Person {
  name: string
  email: string
  password: string
}

/** A person nobody has used yet: tests never share data. */
export function newPerson(name: string): Person {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`
  return { name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${unique}@example.com`, password: PASSWORD }
}

/**
 * Console errors of every page in the watched contexts. Chromium logs each failed request as an error; those a test
 * provokes on purpose are allowed by status and path. A first visit's silent refresh has no cookie to send, so a 401
 * from /api/auth/refresh is always expected.
 */
export class ConsoleWatch {
  private readonly problems: string[] = []
  private readonly allowed: { status: number; path: RegExp }[] = [{ status: 401, path: /\/api\/auth\/refresh$/ }]

  watch(context: BrowserContext, name: string): void {
    context.on('console', (message) => {
      if (message.type() !== 'error') return
      const status = /status of (\d{3})/.exec(message.text())?.[1]
      const url = message.location().url
      const path = url ? new URL(url).pathname : ''
      if (status && this.allowed.some((a) => a.status === Number(status) && a.path.test(path))) return
      this.problems.push(`${name}: ${message.text()}${url ? ` (${url})` : ''}`)
    })
    context.on('weberror', (error) => this.problems.push(`${name}: ${error.error().message}`))
  }

  /** A failed request the test causes on purpose, e.g. a 412 from a conflicting save. */
  allow(status: number, path: RegExp): void {
    this.allowed.push({ status, path })
  }

  assertNone(): void {
    expect(this.problems, 'errors in the browser console').toEqual([])
  }
}

interface Fixtures {
  consoleWatch: ConsoleWatch
  /** Another browser (its own cookies and storage), e.g. for a second person; closed after the test. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>
}

export const test = base.extend<Fixtures>({
  consoleWatch: async ({}, use) => {
    const watch = new ConsoleWatch()
    await use(watch)
    watch.assertNone()
  },
  context: async ({ context, consoleWatch }, use) => {
    consoleWatch.watch(context, 'browser 1')
    await use(context)
  },
  newContext: async ({ browser, consoleWatch, contextOptions, viewport, locale, timezoneId, baseURL }, use) => {
    const made: BrowserContext[] = []
    await use(async (options) => {
      const context = await browser.newContext({ ...contextOptions, viewport, locale, timezoneId, baseURL, ...options })
      made.push(context)
      consoleWatch.watch(context, `browser ${made.length + 1}`)
      return context
    })
    for (const context of made) await context.close()
  },
})

/** Signs a new person up in the browser; they land on their (empty) task list. */
export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/signup')
  await page.getByLabel('Name').fill(person.name)
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible()
}

export async function logIn(page: Page, person: Person): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible()
}

/** Signs a person up and logs them in through the API, as a client program would; returns their access token. */
export async function signUpByApi(request: APIRequestContext, person: Person): Promise<string> {
  const signup = await request.post('/api/auth/signup', {
    data: { email: person.email, password: person.password, displayName: person.name },
  })
  expect(signup.status(), await signup.text()).toBe(202)
  const login = await request.post('/api/auth/login', { data: { email: person.email, password: person.password, tokenDelivery: 'body' } })
  expect(login.status(), await login.text()).toBe(200)
  return ((await login.json()) as { accessToken: string }).accessToken
}

/** Bulk import (POST /api/tasks/import, at most 1,000 a request); every item must be created. */
export async function importTasks(request: APIRequestContext, token: string, items: object[]): Promise<void> {
  const response = await request.post('/api/tasks/import', { headers: { Authorization: `Bearer ${token}` }, data: items, timeout: 120_000 })
  expect(response.status(), await response.text()).toBe(200)
  const result = (await response.json()) as { created: number; failed: number }
  expect(result).toMatchObject({ created: items.length, failed: 0 })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]
}

/**
 * Runs axe (all its rules: WCAG 2.1 A/AA and best practices) on the page as it is now and fails on any serious or
 * critical violation (the test goes on to the next screens, and fails at its end). The script goes in through the DevTools protocol, so the strict CSP stays on.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource)
  const result = await page.evaluate(() => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(document, { resultTypes: ['violations'] }))
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  // soft: one run names every screen that fails, not only the first
  expect.soft(serious, `axe on the ${screen} screen`).toEqual([])
}
