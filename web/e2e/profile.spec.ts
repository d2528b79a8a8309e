// The profile and notification preferences: what a person saves is what they find on their next visit.
import { expect, newPerson, signUp, test } from './fixtures'

test('a person edits their profile and notification preferences, and finds them saved after a reload', async ({ page }) => {
  await signUp(page, newPerson('Ada Lovelace'))
  await page.getByRole('link', { name: 'Profile', exact: true }).click()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ada Lovelace')

  // a field error appears next to its field, and nothing is saved
  await page.getByLabel('Avatar URL').fill('http://example.com/ada.png')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByLabel('Avatar URL')).toHaveAccessibleDescription('An https:// address')

  await page.getByLabel('Name', { exact: true }).fill('Augusta Ada King')
  await page.getByLabel('Avatar URL').fill('')
  await page.getByLabel('Bio', { exact: true }).fill('Poet of science.')
  await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/London')
  await page.getByLabel('Locale', { exact: true }).fill('en-GB')
  await page.getByLabel('A task is assigned to me: by email').uncheck()
  await page.getByLabel('Welcome message: in the app').uncheck()
  await page.getByLabel(/^Quiet hours/).check()
  await page.getByLabel('From', { exact: true }).fill('22:30')
  await page.getByLabel('Until', { exact: true }).fill('06:45')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status').getByText('Profile saved.')).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Augusta Ada King')
  await expect(page.getByLabel('Bio', { exact: true })).toHaveValue('Poet of science.')
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('Europe/London')
  await expect(page.getByLabel('Locale', { exact: true })).toHaveValue('en-GB')
  await expect(page.getByLabel('A task is assigned to me: by email')).not.toBeChecked()
  await expect(page.getByLabel('A task is assigned to me: in the app')).toBeChecked()
  await expect(page.getByLabel('Welcome message: in the app')).not.toBeChecked()
  await expect(page.getByLabel(/^Quiet hours/)).toBeChecked()
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('22:30')
  await expect(page.getByLabel('Until', { exact: true })).toHaveValue('06:45')

  // quiet hours off again: the window is gone, not kept hidden
  await page.getByLabel(/^Quiet hours/).uncheck()
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('status').getByText('Profile saved.')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel(/^Quiet hours/)).not.toBeChecked()
  await expect(page.getByLabel('From', { exact: true })).toHaveCount(0)
})
