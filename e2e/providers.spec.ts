import { startMockServer, type MockServer } from './mock-server/node.ts'
import { expect, openApp, test } from './app.ts'

// The real OpenAI and Anthropic SDKs, running in the page, against the project's mock server.
const CANARY = 'sk-canary-playwright-0123456789'
let mock: MockServer

test.beforeAll(async () => {
  mock = await startMockServer()
})
test.afterAll(async () => {
  await mock.close()
})

async function useProvider(page: import('@playwright/test').Page, provider: 'openai' | 'anthropic', model: string): Promise<void> {
  await page.addInitScript(([id, key]) => {
    sessionStorage.setItem('lanes.key.index', id)
    sessionStorage.setItem(`lanes.key.${id}`, key)
  }, [provider, CANARY] as const)
  const baseURL = provider === 'openai' ? `${mock.url}/v1` : mock.url
  await openApp(page, { provider, models: { [provider]: model }, baseURLs: { [provider]: baseURL }, toolPack: 'city', executor: 'concurrent', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.1 } })
}

for (const provider of ['openai', 'anthropic'] as const) {
  test(`${provider}: a multi-turn run with three parallel tool calls, streamed through the real SDK`, async ({ page }) => {
    mock.reset()
    await useProvider(page, provider, 'mock-city')
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill("What's the weather, time, and population in Seattle?")
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
    await expect(page.getByTestId('tool-status')).toHaveText(['ok', 'ok', 'ok'])
    await expect(page.getByTestId('answer')).toContainText('Sunny')
    const posts = mock.requests().filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(2)
    const auth = JSON.stringify(posts[0]!.headers)
    expect(auth).toContain(CANARY) // the key goes to its provider…
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(CANARY) // …and nowhere on the page
  })

  test(`${provider}: a provider error shows in place, keeps the transcript, and the next run works`, async ({ page }) => {
    await useProvider(page, provider, 'fault-401')
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Hello there')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'provider returned an error' })
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert.getByTestId('error-message')).toContainText(/key/i)
    await expect(alert).not.toContainText(CANARY)
    await expect(page.getByTestId('user-prompt')).toHaveText('Hello there')

    await page.getByLabel('Model', { exact: true }).fill('fault-cut')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'provider returned an error' })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId('assistant-text')).toContainText('Partial answer') // the partial output is kept

    await page.getByLabel('Model', { exact: true }).fill('mock-text')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  })
}
