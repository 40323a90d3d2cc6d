import { expect, openApp, test } from './app.ts'

const CANARY = 'sk-canary-0123456789abcdefghij'

async function storage(page: import('@playwright/test').Page): Promise<{ session: string; local: string }> {
  return page.evaluate(() => ({ session: JSON.stringify({ ...sessionStorage }), local: JSON.stringify({ ...localStorage }) }))
}

test('keys live in sessionStorage by default, in localStorage only when remembered, and can be cleared', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Keys', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'API keys' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Provider').selectOption('openai')
  await expect(dialog.getByTestId('key-note')).toContainText('sent only to https://api.openai.com/v1')
  await dialog.getByLabel('API key').fill(CANARY)
  await dialog.getByRole('button', { name: 'Save key' }).click()

  // Session only: masked in the list, in sessionStorage, nowhere in localStorage.
  await expect(dialog.getByRole('list', { name: 'Saved keys' })).toContainText('this tab only')
  await expect(dialog.getByRole('list', { name: 'Saved keys' })).not.toContainText(CANARY)
  let stored = await storage(page)
  expect(stored.session).toContain(CANARY)
  expect(stored.local).not.toContain(CANARY)

  // A reload in the same tab keeps it (sessionStorage).
  await page.reload()
  await page.getByRole('button', { name: 'Keys', exact: true }).click()
  await expect(dialog.getByRole('list', { name: 'Saved keys' })).toContainText('OpenAI')

  // Remembered: moves to localStorage.
  await dialog.getByLabel('Provider').selectOption('openai')
  await dialog.getByLabel('API key').fill(CANARY)
  await dialog.getByLabel('Remember on this device').check()
  await dialog.getByRole('button', { name: 'Save key' }).click()
  await expect(dialog.getByRole('list', { name: 'Saved keys' })).toContainText('remembered')
  stored = await storage(page)
  expect(stored.local).toContain(CANARY)
  expect(stored.session).not.toContain(CANARY)

  // Cleared: gone from both.
  await dialog.getByRole('button', { name: 'Clear OpenAI key' }).click()
  stored = await storage(page)
  expect(stored.local).not.toContain(CANARY)
  expect(stored.session).not.toContain(CANARY)
  await expect(dialog.getByRole('list', { name: 'Saved keys' })).not.toContainText('OpenAI')
  // Never in the DOM as text either.
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(CANARY)
})

test('a live provider with no key says "Add an OpenAI key" and sends nothing', async ({ page }) => {
  await openApp(page, { provider: 'openai' })
  let requests = 0
  await page.route('https://api.openai.com/**', (route) => {
    requests++
    return route.abort()
  })
  await page.getByLabel('Prompt', { exact: true }).fill('Hello')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const notice = page.getByRole('alert').filter({ hasText: 'Add an OpenAI key' })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('nothing was sent')
  expect(requests).toBe(0)
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled()
})
