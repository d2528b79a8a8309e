// Two people in two browsers against a running stack: Ada assigns Grace a task and Grace sees the notification
// (a toast, the bell) and the task in her list without a reload; then Ada edits one task in two tabs and the
// second save meets the 412 as "Changed elsewhere", and saving over it keeps the other tab's change to a field she
// left alone.   BASE_URL=http://localhost:8080 npm run e2e:collaboration
import { chromium } from 'playwright-core'

const run = Date.now().toString(36)
const fail = (message) => {
  throw new Error(message)
}
const base = process.env.BASE_URL ?? 'http://localhost:8080'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
const signup = async (name) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await ctx.newPage()
  page.on('pageerror', (e) => console.log(name, 'pageerror', e.message))
  await page.goto(base + '/signup')
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Email').fill(`${name.toLowerCase().replace(/ /g, '.')}@example.com`)
  await page.getByLabel('Password').fill('analytical engine 1843')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await page.getByRole('heading', { name: 'Tasks' }).waitFor()
  return { ctx, page }
}
try {
  const grace = await signup(`Grace${run}`)
  const ada = await signup(`Ada ${run}`)
  await ada.page.getByRole('link', { name: 'New task' }).click()
  await ada.page.getByLabel('Title').fill('Review the compiler')
  await ada.page.getByLabel('Find a person to assign').fill(`Grace${run}`)
  await ada.page.getByRole('button', { name: `Assign Grace${run}` }).click()
  await ada.page.getByRole('button', { name: 'Create task' }).click()
  await ada.page.getByRole('heading', { name: 'Tasks' }).waitFor()
  await grace.page.getByRole('status').getByText(/Review the compiler/).waitFor({ timeout: 10000 })
  console.log('live: Grace got the toast; bell:', await grace.page.locator('.bell').getAttribute('aria-label'))
  await grace.page.getByRole('link', { name: 'Review the compiler' }).waitFor({ timeout: 10000 })
  console.log('live: the task appeared in Grace’s list without a reload')
  await grace.page.screenshot({ path: new URL('./out/live.png', import.meta.url).pathname })

  const tab2 = await ada.ctx.newPage()
  await ada.page.getByRole('link', { name: 'Review the compiler' }).click()
  await ada.page.getByLabel('Title').waitFor()
  await tab2.goto(base + (new URL(ada.page.url()).pathname))
  await tab2.getByLabel('Title').fill('Review the compiler, part 2')
  await tab2.getByRole('button', { name: 'Save changes' }).click()
  await tab2.getByText('Saved').waitFor()
  await ada.page.getByLabel('Priority').selectOption('URGENT')
  await ada.page.getByRole('button', { name: 'Save changes' }).click()
  await ada.page.getByRole('heading', { name: 'Changed elsewhere' }).waitFor()
  await ada.page.screenshot({ path: new URL('./out/conflict.png', import.meta.url).pathname, fullPage: true })
  console.log('conflict: shown')
  await ada.page.getByRole('button', { name: 'Save mine over it' }).click()
  await ada.page.getByRole('heading', { name: 'Changed elsewhere' }).waitFor({ state: 'detached' })
  await ada.page.getByText('Saved').waitFor()
  const title = await ada.page.getByLabel('Title').inputValue()
  const priority = await ada.page.getByLabel('Priority').inputValue()
  if (title !== 'Review the compiler, part 2' || priority !== 'URGENT') fail(`after saving over: ${title}, ${priority}`)
  console.log('conflict: saved over it, keeping the other tab’s title')
} finally {
  await browser.close()
}
