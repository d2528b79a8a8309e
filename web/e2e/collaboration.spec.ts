// Two people, or one person on two devices, each in a browser of their own.
import { expect, expectAccessible, logIn, newPerson, signUp, test } from './fixtures'

test('a person who is assigned a task sees the notification and the task at once, without reloading', async ({ page, newContext }) => {
  const grace = newPerson('Grace Hopper')
  const graceBrowser = await (await newContext()).newPage()
  await signUp(graceBrowser, grace)
  await expect(graceBrowser.getByText('No tasks yet')).toBeVisible()
  const bell = graceBrowser.getByRole('link', { name: /^Notifications, / })
  // the welcome notification first, so that the count below is the assignment's
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread')

  await signUp(page, newPerson('Ada Lovelace'))
  await page.getByRole('link', { name: 'New task' }).click()
  await page.getByLabel('Title').fill('Review the compiler')
  await page.getByLabel('Find a person to assign').fill(grace.email)
  await page.getByRole('button', { name: `Assign ${grace.name}` }).click()
  await page.getByRole('button', { name: 'Create task' }).click()
  await expect(page.getByRole('link', { name: 'Review the compiler' })).toBeVisible()

  // Grace's page has not been reloaded: the live stream brings the toast, the bell and the list
  await expect(graceBrowser.getByRole('status').getByText('Ada Lovelace assigned you “Review the compiler”')).toBeVisible()
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread')
  await expect(graceBrowser.getByRole('list', { name: 'Tasks' }).getByRole('link', { name: 'Review the compiler' })).toBeVisible()
  await expectAccessible(graceBrowser, 'task list with a live notification')

  // a change that makes no notification still reaches her open list
  await page.getByRole('link', { name: 'Review the compiler' }).click()
  await page.getByLabel('Title').fill('Review the compiler, second pass')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').getByText('Saved')).toBeVisible()
  await expect(graceBrowser.getByRole('list', { name: 'Tasks' }).getByRole('link', { name: 'Review the compiler, second pass' })).toBeVisible()
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread')

  await bell.click()
  await graceBrowser.getByRole('link', { name: 'Ada Lovelace assigned you “Review the compiler”' }).click()
  await expect(graceBrowser.getByLabel('Title')).toHaveValue('Review the compiler, second pass')
})

test('a save over a change made on another device meets the 412 as "changed elsewhere" and can keep both changes', async ({
  page,
  newContext,
  consoleWatch,
}) => {
  consoleWatch.allow(412, /^\/api\/tasks\/[^/]+$/)
  const ada = newPerson('Ada Lovelace')
  await signUp(page, ada)
  await page.getByRole('link', { name: 'New task' }).click()
  await page.getByLabel('Title').fill('Review the compiler')
  await page.getByRole('button', { name: 'Create task' }).click()
  await page.getByRole('link', { name: 'Review the compiler' }).click()
  await expect(page.getByRole('heading', { name: 'Edit task' })).toBeVisible()

  // the first device is in the middle of an edit when the other one saves
  await page.getByLabel('Priority').selectOption('URGENT')
  const phone = await (await newContext()).newPage()
  await logIn(phone, ada)
  await phone.goto(new URL(page.url()).pathname)
  await phone.getByLabel('Title').fill('Review the compiler, part 2')
  await phone.getByRole('button', { name: 'Save changes' }).click()
  await expect(phone.getByRole('status').getByText('Saved')).toBeVisible()

  // the live push tells the first device at once, and keeps what it was typing
  await expect(page.getByText(/Someone else changed this task while you were editing it/)).toBeVisible()
  await expect(page.getByLabel('Priority')).toHaveValue('URGENT')
  await page.getByRole('button', { name: 'Save changes' }).click()
  const conflict = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Changed elsewhere' }) })
  await expect(conflict).toBeVisible()
  await expect(conflict.getByRole('definition').first()).toHaveText('Review the compiler, part 2')
  await expectAccessible(page, 'task conflict')

  await conflict.getByRole('button', { name: 'Save mine over it' }).click()
  await expect(conflict).toBeHidden()
  await expect(page.getByRole('status').getByText('Saved')).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue('Review the compiler, part 2')
  await expect(page.getByLabel('Priority')).toHaveValue('URGENT')

  // and the other device, on its next look, has both changes
  await phone.reload()
  await expect(phone.getByLabel('Title')).toHaveValue('Review the compiler, part 2')
  await expect(phone.getByLabel('Priority')).toHaveValue('URGENT')
})
