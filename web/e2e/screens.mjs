// Drives the real app in Debian's Chromium against a running stack (./run-local): signs a new person up, works
// through every screen at desktop width and at 360 px, checks that two tabs reloading at once both stay signed in,
// and saves screenshots in e2e/out/. Fails on any console error (a CSP violation shows up as one).
//   BASE_URL=http://localhost:8080 npm run e2e:screens
import { mkdir } from 'node:fs/promises'
import { chromium } from 'playwright-core'

const base = process.env.BASE_URL ?? 'http://localhost:8080'
const out = new URL('./out/', import.meta.url).pathname
await mkdir(out, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
})
const problems = []
const watch = (page, name) => {
  page.on('console', (message) => {
    // a first visit's silent refresh has no cookie to send: its 401 is expected, and Chromium logs it
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(`${name}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`))
}
const shot = async (page, name) => {
  for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click({ timeout: 1000 }).catch(() => undefined)
  // never 'networkidle': the live stream keeps a request open; each step waits for what it shows instead
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${out}${name}.png`, fullPage: true })
  console.log(`screens: ${name}.png`)
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' })
  const page = await context.newPage()
  watch(page, 'tab 1')

  const started = Date.now()
  await page.goto(base + '/')
  await page.getByRole('heading', { name: 'Log in' }).waitFor()
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1)
  console.log(`screens: login page shown in ${Date.now() - started} ms, first contentful paint ${Math.round(fcp)} ms`)
  await shot(page, 'login')

  await page.getByRole('link', { name: 'Create an account' }).click()
  const email = `ada.${Date.now()}@example.com`
  await page.getByLabel('Name').fill('Ada Lovelace')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('analytical engine 1843')
  await shot(page, 'signup')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await page.getByRole('heading', { name: 'Tasks' }).waitFor()
  await shot(page, 'tasks-empty')

  await page.getByRole('link', { name: 'New task' }).click()
  await page.getByLabel('Title').fill('Write the quarterly report')
  await page.getByLabel('Description').fill('Numbers from finance, charts from the dashboard.')
  await page.getByLabel('Priority').selectOption('HIGH')
  await page.getByLabel('Due date').fill('2026-12-18')
  await page.getByLabel('Tags').fill('work, reports')
  await page.getByRole('button', { name: 'Assign me' }).click()
  await shot(page, 'task-new')
  await page.getByRole('button', { name: 'Create task' }).click()
  await page.getByRole('heading', { name: 'Tasks' }).waitFor()

  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const items = [
    { title: 'Book the team offsite', priority: 'MEDIUM', tags: ['team'], dueDate: '2027-01-15' },
    { title: 'Renew the TLS certificates', priority: 'URGENT', tags: ['ops'], dueDate: '2026-12-01' },
    { title: 'Plan the garden beds', priority: 'LOW', tags: ['home'], status: 'IN_PROGRESS' },
    { title: 'Reply to the landlord', priority: 'HIGH', tags: ['home'], status: 'DONE' },
    { title: '', priority: 'LOW' },
  ]
  await page.getByLabel('File (.json, .ndjson)').setInputFiles({
    name: 'tasks.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(items.map((item) => JSON.stringify(item)).join('\n')),
  })
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByText(/4 created, 1 failed/).waitFor()
  await shot(page, 'import')

  await page.getByRole('link', { name: 'Tasks', exact: true }).click()
  await page.getByRole('list', { name: 'Tasks' }).waitFor()
  await page.getByLabel('Status of “Write the quarterly report”').selectOption('IN_PROGRESS')
  await page.getByText('is now in progress').waitFor()
  await shot(page, 'task-list')

  await page.getByLabel('Tag').fill('home')
  await page.getByRole('list', { name: 'Tasks' }).getByText('Renew the TLS certificates').waitFor({ state: 'detached' })
  await shot(page, 'task-list-filtered')
  await page.getByRole('button', { name: 'Clear filters' }).click()

  await page.getByRole('link', { name: 'Book the team offsite' }).click()
  await page.getByRole('heading', { name: 'Edit task' }).waitFor()
  await shot(page, 'task-edit')
  await page.getByRole('button', { name: 'Move to trash' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click()
  await page.getByRole('heading', { name: 'Tasks' }).waitFor()
  await page.getByRole('link', { name: 'Trash', exact: true }).click()
  await page.getByRole('button', { name: 'Restore “Book the team offsite”' }).waitFor()
  await shot(page, 'trash')
  await page.getByRole('button', { name: 'Restore “Book the team offsite”' }).click()
  await page.getByText('The trash is empty.').waitFor()

  await page.getByRole('link', { name: /^Notifications/ }).click()
  await page.getByRole('heading', { name: 'Notifications' }).waitFor()
  await shot(page, 'notifications')
  await page.getByRole('link', { name: 'Profile', exact: true }).click()
  await page.getByLabel('Bio').waitFor()
  await page.getByLabel('Bio').fill('Poet of science.')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await page.getByText('Profile saved.').waitFor()
  await shot(page, 'profile')
  await page.getByRole('link', { name: 'Account', exact: true }).click()
  await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor()
  await shot(page, 'account')

  // two tabs reload at the same moment: with rotation and reuse detection, a naive client would lose the session
  const second = await context.newPage()
  watch(second, 'tab 2')
  await second.goto(base + '/tasks')
  await second.getByRole('heading', { name: 'Tasks' }).waitFor()
  await Promise.all([page.goto(base + '/tasks'), second.reload()])
  await Promise.all([page.getByRole('heading', { name: 'Tasks' }).waitFor(), second.getByRole('heading', { name: 'Tasks' }).waitFor()])
  await page.reload()
  await page.getByRole('heading', { name: 'Tasks' }).waitFor()
  console.log('screens: two tabs reloaded at once and both stayed signed in')
  await second.close()

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  await phone.addCookies(await context.cookies())
  const small = await phone.newPage()
  watch(small, 'phone')
  await small.goto(base + '/tasks')
  await small.getByRole('list', { name: 'Tasks' }).waitFor()
  await shot(small, 'task-list-360')
  // in-app navigation, not a reload: every page load refreshes, and the gateway allows few refreshes a minute per address
  await small.getByRole('link', { name: 'New task' }).click()
  await small.getByLabel('Title').waitFor()
  await shot(small, 'task-new-360')
  await phone.close()
} finally {
  await browser.close()
}

if (problems.length) {
  console.error('screens: errors in the browser console:\n  ' + problems.join('\n  '))
  process.exit(1)
}
console.log('screens: done, no console errors')
