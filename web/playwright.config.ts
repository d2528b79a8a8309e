// The browser tests: Playwright's runner driving Debian's Chromium (never a browser of Playwright's own, which cannot
// be downloaded here) against a running suite at BASE_URL. The system tests start the suite and run them
// (system-tests WebAppSystemTests); see README.md for running them alone.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  throw new Error(`e2e: no Chromium at ${chromium}: install Debian's (apt-get install -y chromium) or set CHROMIUM to one`)
}
const baseURL = process.env.BASE_URL
if (!baseURL) {
  throw new Error('e2e: set BASE_URL to the gateway of a running suite (see README.md: "Browser tests")')
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/out/results',
  // the suite is shared by every test and the machine is small: a step waits up to 15 s, a test up to 90 s
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // two at once: the token-expiry test mostly waits, the others use that time
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [['list', { printSteps: false }]],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [
    // the figures are taken first, alone, so that the other tests do not slow them down
    { name: 'budget', testMatch: 'budget.spec.ts' },
    { name: 'app', testIgnore: 'budget.spec.ts', dependencies: ['budget'] },
  ],
})
