// A person's own tasks, from the empty list to the trash and back, and the bulk import.
import { fileURLToPath } from 'node:url'
import { expect, newPerson, signUp, test } from './fixtures'

const README_SCREENSHOT = fileURLToPath(new URL('../../docs/images/task-list.png', import.meta.url))

test('a new person signs up, creates a task, edits it, completes it, moves it to the trash and restores it', async ({ page }) => {
  await signUp(page, newPerson('Ada Lovelace'))
  await expect(page.getByText('No tasks yet')).toBeVisible()

  await page.getByRole('link', { name: 'New task' }).click()
  await page.getByLabel('Title').fill('Write the quarterly report')
  await page.getByLabel('Description').fill('Numbers from finance, charts from the dashboard.')
  await page.getByLabel('Priority').selectOption('HIGH')
  await page.getByLabel('Due date').fill('2027-03-31')
  await page.getByLabel('Tags').fill('work, reports')
  await page.getByRole('button', { name: 'Assign me' }).click()
  await page.getByRole('button', { name: 'Create task' }).click()
  const list = page.getByRole('list', { name: 'Tasks' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list.getByRole('link', { name: 'Write the quarterly report' })).toBeVisible()
  await expect(list.getByText('1 assignee')).toBeVisible()

  await list.getByRole('link', { name: 'Write the quarterly report' }).click()
  await expect(page.getByRole('heading', { name: 'Edit task' })).toBeVisible()
  await page.getByLabel('Title').fill('Write the annual report')
  await page.getByLabel('Tags').fill('work, reports, finance')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').getByText('Saved')).toBeVisible()
  await page.getByRole('link', { name: '← Tasks' }).click()
  await expect(list.getByRole('link', { name: 'Write the annual report' })).toBeVisible()
  await expect(list.getByText('#finance')).toBeVisible()

  await list.getByLabel('Status of “Write the annual report”').selectOption('DONE')
  await expect(page.getByRole('status').getByText('“Write the annual report” is now done')).toBeVisible()
  const done = page.getByLabel('Task statistics').locator('div').filter({ has: page.getByRole('term').getByText('Done', { exact: true }) })
  await expect(done.getByRole('definition')).toHaveText('1')
  // saved on the server, not only in the list's cache
  await page.reload()
  await expect(list.getByLabel('Status of “Write the annual report”')).toHaveValue('DONE')

  await list.getByRole('link', { name: 'Write the annual report' }).click()
  await page.getByRole('button', { name: 'Move to trash' }).click()
  const confirm = page.getByRole('dialog', { name: 'Move this task to the trash?' })
  await confirm.getByRole('button', { name: 'Move to trash' }).click()
  await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible()
  await expect(page.getByText('No tasks yet')).toBeVisible()

  await page.getByRole('link', { name: 'Trash', exact: true }).click()
  await page.getByRole('button', { name: 'Restore “Write the annual report”' }).click()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  await page.getByRole('link', { name: 'Tasks', exact: true }).click()
  await expect(list.getByLabel('Status of “Write the annual report”')).toHaveValue('DONE')
})

test('tasks are imported from a JSON file and from an NDJSON file, and the items that fail are named', async ({ page }) => {
  await signUp(page, newPerson('Grace Hopper'))
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const file = page.getByLabel('File (.json, .ndjson)')

  const json = [
    { title: 'Book the team offsite', priority: 'MEDIUM', tags: ['team'] },
    { title: 'Order the chairs', priority: 'LOW' },
  ]
  await file.setInputFiles({ name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) })
  await page.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('status').getByText('2 created, 0 failed.')).toBeVisible()

  const ndjson = [
    { title: 'Renew the TLS certificates', priority: 'URGENT', tags: ['ops'] },
    { title: 'Plan the garden beds', status: 'IN_PROGRESS' },
    { title: '', priority: 'LOW' },
  ]
  await file.setInputFiles({
    name: 'tasks.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(ndjson.map((item) => JSON.stringify(item)).join('\n')),
  })
  await page.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('status').getByText('2 created, 1 failed.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Items that failed' }).getByRole('listitem')).toHaveText([/^Item 3: .*title/])

  await page.getByRole('link', { name: 'See your tasks' }).click()
  const titles = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').getByRole('link')
  await expect(titles).toHaveCount(4)
  // the items of one import are created at once, in no particular order
  expect((await titles.allTextContents()).sort()).toEqual(['Book the team offsite', 'Order the chairs', 'Plan the garden beds', 'Renew the TLS certificates'])
  await expect(page.getByLabel('Status of “Plan the garden beds”')).toHaveValue('IN_PROGRESS')
})

// the README's picture of the task list: fixed names and dates, so that it changes only when the app does
test('the README shows the task list as the app draws it', async ({ page }) => {
  await signUp(page, newPerson('Ada Lovelace'))
  await page.getByRole('link', { name: 'New task' }).click()
  await page.getByLabel('Title').fill('Write the quarterly report')
  await page.getByLabel('Priority').selectOption('HIGH')
  await page.getByLabel('Due date').fill('2027-12-17')
  await page.getByLabel('Tags').fill('work, reports')
  await page.getByRole('button', { name: 'Assign me' }).click()
  await page.getByRole('button', { name: 'Create task' }).click()
  await expect(page.getByRole('link', { name: 'Write the quarterly report' })).toBeVisible()

  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const items = [
    { title: 'Book the team offsite', priority: 'MEDIUM', tags: ['team'], dueDate: '2028-01-14' },
    { title: 'Renew the TLS certificates', priority: 'URGENT', tags: ['ops'], dueDate: '2026-12-01' },
    { title: 'Plan the garden beds', priority: 'LOW', tags: ['home'], status: 'IN_PROGRESS', dueDate: '2028-04-01' },
    { title: 'Reply to the landlord', priority: 'HIGH', tags: ['home'], status: 'DONE', dueDate: '2026-11-27' },
  ]
  await page.getByLabel('File (.json, .ndjson)').setInputFiles({ name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(items)) })
  await page.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('status').getByText('4 created, 0 failed.')).toBeVisible()

  await page.getByRole('link', { name: 'Tasks', exact: true }).click()
  // an import creates its tasks at once: only the due dates give them an order that is the same in every run
  await page.getByLabel('Sort by').selectOption('due')
  await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').first()).toContainText('Reply to the landlord')
  await page.getByLabel('Status of “Write the quarterly report”').selectOption('IN_PROGRESS')
  await expect(page.getByRole('status').getByText('is now in progress')).toBeVisible()
  // the welcome notification has arrived, so the bell is the same in every run
  await expect(page.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible()
  const dismiss = page.getByRole('button', { name: 'Dismiss' })
  while ((await dismiss.count()) > 0) await dismiss.first().click()
  await page.screenshot({ path: README_SCREENSHOT, fullPage: true, animations: 'disabled' })
})
