// Every screen at desktop width and at 360 px: each must pass axe with no serious or critical violation and log no
// console error (a CSP violation shows up as one). The screenshots land in e2e/out/screens/ for a person to look at.
import { expect, expectAccessible, newPerson, signUp, test } from './fixtures'

const widths = [
  { name: 'desktop', use: { viewport: { width: 1280, height: 860 } } },
  { name: '360 px', use: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
]

for (const width of widths) {
  test.describe(`at ${width.name}`, () => {
    test.use(width.use)

    test('every screen passes axe and draws without console errors', async ({ page, consoleWatch }) => {
      test.setTimeout(3 * 60_000)
      consoleWatch.allow(401, /^\/api\/auth\/login$/)
      consoleWatch.allow(404, /^\/api\/tasks\/[^/]+$/)
      const screen = async (name: string) => {
        await expectAccessible(page, name)
        await page.screenshot({ path: `e2e/out/screens/${width.name.replace(/ /g, '')}/${name}.png`, fullPage: true })
      }
      const dismissToasts = async () => {
        const dismiss = page.getByRole('button', { name: 'Dismiss' })
        while ((await dismiss.count()) > 0) await dismiss.first().click()
      }
      const person = newPerson('Ada Lovelace')

      await page.goto('/')
      await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible()
      await screen('login')
      await page.getByLabel('Email').fill('nobody@example.com')
      await page.getByLabel('Password').fill('not the password at all')
      await page.getByRole('button', { name: 'Log in' }).click()
      await expect(page.getByRole('alert')).toBeVisible()
      await screen('login-refused')

      await page.getByRole('link', { name: 'Create an account' }).click()
      await page.getByRole('button', { name: 'Sign up' }).click()
      await expect(page.getByText('Enter your name')).toBeVisible()
      await screen('signup-errors')
      await signUp(page, person)
      await expect(page.getByText('No tasks yet')).toBeVisible()
      await screen('tasks-empty')

      await page.getByRole('link', { name: 'New task' }).click()
      await page.getByLabel('Title').fill('Write the quarterly report')
      await page.getByLabel('Find a person to assign').fill('Ada')
      await expect(page.getByRole('list', { name: 'People found' }).or(page.getByText('No one found.'))).toBeVisible()
      await screen('task-new')
      await page.getByRole('button', { name: 'Assign me' }).click()
      await page.getByRole('button', { name: 'Create task' }).click()
      await expect(page.getByRole('link', { name: 'Write the quarterly report' })).toBeVisible()

      await page.getByRole('link', { name: 'Import', exact: true }).click()
      await screen('import')
      const items = [
        { title: 'Book the team offsite', priority: 'MEDIUM', tags: ['team'], dueDate: '2027-01-15' },
        { title: 'Renew the TLS certificates', priority: 'URGENT', tags: ['ops'], dueDate: '2026-12-01' },
        { title: 'Reply to the landlord', priority: 'HIGH', tags: ['home'], status: 'DONE' },
        { title: '', priority: 'LOW' },
      ]
      await page.getByLabel('File (.json, .ndjson)').setInputFiles({
        name: 'tasks.ndjson',
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from(items.map((item) => JSON.stringify(item)).join('\n')),
      })
      await page.getByRole('button', { name: 'Import' }).click()
      await expect(page.getByRole('status').getByText('3 created, 1 failed.')).toBeVisible()
      await screen('import-result')

      await page.getByRole('link', { name: 'See your tasks' }).click()
      await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('listitem')).toHaveCount(4)
      await dismissToasts()
      await screen('tasks')
      await page.getByLabel('Tag').fill('nothing-has-this-tag')
      await expect(page.getByText('No task matches these filters.')).toBeVisible()
      await screen('tasks-filtered-empty')
      await page.getByRole('button', { name: 'Clear filters' }).click()

      await page.getByRole('link', { name: 'Book the team offsite' }).click()
      await expect(page.getByRole('heading', { name: 'Edit task' })).toBeVisible()
      await screen('task-edit')
      await page.getByRole('button', { name: 'Move to trash' }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await screen('task-trash-confirm')
      await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click()
      await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible()
      await page.getByRole('link', { name: 'Trash', exact: true }).click()
      await expect(page.getByRole('button', { name: 'Restore “Book the team offsite”' })).toBeVisible()
      await dismissToasts()
      await screen('trash')
      await page.getByRole('button', { name: 'Restore “Book the team offsite”' }).click()
      await expect(page.getByText('The trash is empty.')).toBeVisible()
      await screen('trash-empty')

      await page.goto('/tasks/00000000-0000-0000-0000-000000000000')
      await expect(page.getByRole('alert')).toBeVisible()
      await screen('task-missing')
      await page.goto('/no-such-page')
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
      await screen('not-found')

      await page.getByRole('link', { name: /^Notifications/ }).click()
      await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible()
      await expect(page.getByRole('button', { name: /^Mark read: / }).first()).toBeVisible()
      await screen('notifications')

      await page.getByRole('link', { name: 'Profile', exact: true }).click()
      await expect(page.getByLabel('Bio', { exact: true })).toBeVisible()
      await page.getByLabel(/^Quiet hours/).check()
      await screen('profile')

      await page.getByRole('link', { name: 'Account', exact: true }).click()
      await expect(page.getByText('This session')).toBeVisible()
      await screen('account')
      await page.getByRole('button', { name: 'Delete my account…' }).click()
      await expect(page.getByRole('dialog', { name: 'Delete your account?' })).toBeVisible()
      await screen('account-delete-confirm')
      await page.getByLabel('Type DELETE to confirm').fill('DELETE')
      // what the open page still asks for after the account is gone is refused, as it should be
      consoleWatch.allow(401, /^\/api\//)
      await page.getByRole('dialog').getByRole('button', { name: 'Delete account' }).click()
      await expect(page.getByRole('heading', { name: /^(Create your account|Log in)$/ })).toBeVisible()
    })
  })
}
