// Sessions in the browser: the access token lives in memory, the refresh token in the httpOnly cookie, rotated on
// every use with reuse detection, so tabs that refresh at the same moment must not sign the person out.
import { expect, newPerson, signUp, test } from './fixtures'

test('two tabs that reload at the same moment both stay signed in', async ({ page, context }) => {
  await signUp(page, newPerson('Ada Lovelace'))
  const second = await context.newPage()
  await second.goto('/tasks')
  await expect(second.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible()

  // each reload refreshes with the one cookie both tabs share; presenting a rotated token would revoke the family
  const refreshes = new Set<string>()
  context.on('response', (response) => {
    if (response.url().endsWith('/api/auth/refresh')) refreshes.add(`${response.status()}`)
  })
  await Promise.all([page.reload(), second.reload()])
  await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible()
  await expect(second.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible()
  expect([...refreshes]).toEqual(['200'])

  // the session is still whole: another reload refreshes again, and the API answers both tabs
  await page.reload()
  await expect(page.getByText('No tasks yet')).toBeVisible()
  await second.getByRole('link', { name: 'Account', exact: true }).click()
  await expect(second.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible()
  await expect(second.getByText('This session')).toBeVisible()
})

test('logging out in one tab signs the other tab out too', async ({ page, context }) => {
  await signUp(page, newPerson('Ada Lovelace'))
  const second = await context.newPage()
  await second.goto('/profile')
  await expect(second.getByLabel('Bio')).toBeVisible()

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible()
  await expect(second.getByRole('heading', { name: 'Log in' })).toBeVisible()
  await second.reload()
  await expect(second.getByRole('heading', { name: 'Log in' })).toBeVisible()
})
