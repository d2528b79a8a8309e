// The pages that are not the web app but are served at the same public URL, under the same strict
// Content-Security-Policy: the Swagger UI over every service's API document, and auth-service's sign-in form of the
// OAuth2 authorization-code flow (taskflow-cli with PKCE, all the way to its redirect URI). Drives Debian's Chromium
// against a running stack (./run-local), fails on any CSP violation or console error, saves screenshots in e2e/out/.
//   BASE_URL=http://localhost:8080 npm run e2e:edge-pages
import { createHash, randomBytes } from 'node:crypto'
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
    if (message.type() === 'error') problems.push(`${name}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`))
}
// a violation is also reported to the page itself: count those, whatever the console says
const countViolations = (page) =>
  page.addInitScript(() => {
    window.__violations = []
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI || 'inline'}`),
    )
  })
const violations = async (page, name) => {
  for (const violation of await page.evaluate(() => window.__violations)) problems.push(`${name}: CSP ${violation}`)
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })

  for (const service of ['auth', 'user', 'task', 'notification']) {
    const page = await context.newPage()
    watch(page, `swagger-ui ${service}`)
    await countViolations(page)
    await page.goto(`${base}/swagger-ui/index.html?urls.primaryName=${service}`)
    await page.locator('.opblock').first().waitFor()
    await page.waitForTimeout(300)
    await violations(page, `swagger-ui ${service}`)
    await page.screenshot({ path: `${out}swagger-ui-${service}.png`, fullPage: false })
    console.log(`edge-pages: swagger-ui-${service}.png, ${await page.locator('.opblock').count()} operations`)
    await page.close()
  }

  // a person with an account signs in on the form and the client gets its code at the redirect URI
  const email = `grace.${Date.now()}@example.com`
  const password = 'analytical engine 1843'
  const signup = await context.request.post(`${base}/api/auth/signup`, {
    data: { email, password, displayName: 'Grace Hopper' },
  })
  if (signup.status() !== 201) throw new Error(`signup: ${signup.status()} ${await signup.text()}`)
  const verifier = randomBytes(32).toString('base64url')
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const callback = 'http://127.0.0.1:8765/callback'
  const page = await context.newPage()
  watch(page, 'sign-in')
  await countViolations(page)
  let delivered
  await page.route(`${callback}**`, (route) => {
    delivered = new URL(route.request().url())
    return route.fulfill({ status: 200, contentType: 'text/plain', body: 'the client has its code' })
  })
  const authorize = new URL(`${base}/oauth2/authorize`)
  Object.entries({
    response_type: 'code', client_id: 'taskflow-cli', redirect_uri: callback, scope: 'openid profile email',
    state: 'e2e-state', code_challenge: challenge, code_challenge_method: 'S256',
  }).forEach(([name, value]) => authorize.searchParams.set(name, value))
  await page.goto(authorize.toString())
  await page.getByRole('heading', { name: 'Sign in to TaskFlow' }).waitFor()
  if (!page.url().startsWith(`${base}/oauth2/login`)) throw new Error(`the sign-in form is at ${page.url()}`)
  await violations(page, 'sign-in')
  await page.screenshot({ path: `${out}oauth2-login.png` })
  console.log('edge-pages: oauth2-login.png')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${callback}**`, { timeout: 10_000 })
  if (delivered?.searchParams.get('state') !== 'e2e-state' || !delivered.searchParams.get('code')) {
    throw new Error(`the redirect URI got ${delivered}`)
  }
  const token = await context.request.post(`${base}/oauth2/token`, {
    form: {
      grant_type: 'authorization_code', code: delivered.searchParams.get('code'), redirect_uri: callback,
      client_id: 'taskflow-cli', code_verifier: verifier,
    },
  })
  if (token.status() !== 200) throw new Error(`token: ${token.status()} ${await token.text()}`)
  console.log('edge-pages: authorization code with PKCE through the browser and the gateway: tokens issued')
} finally {
  await browser.close()
}

if (problems.length > 0) {
  console.error(`edge-pages: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log('edge-pages: no CSP violation, no console error')
