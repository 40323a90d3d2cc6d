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

  test(`${provider}: a model that thinks before its tool call gets its thinking back and answers`, async ({ page }) => {
    mock.reset()
    await useProvider(page, provider, 'mock-thinking')
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Weather in Seattle?')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
    await expect(page.getByTestId('answer')).toContainText('Seattle: Weather in Seattle')
    const posts = mock.requests().filter((r) => r.method === 'POST')
    // OpenAI goes through the Responses API; the mock answers 400 unless the signed thinking
    // (Anthropic) or the encrypted reasoning item (Responses) came back with the tool result.
    expect(posts.map((r) => r.path)).toEqual(provider === 'openai' ? ['/v1/responses', '/v1/responses'] : ['/v1/messages', '/v1/messages'])
    expect(JSON.stringify(posts[1]!.body)).toContain('mock-signature-EqQBCgIYAhIM')

    // The page shows it: a Thinking block above the turn's answer (folded once the answer came),
    // and the model bar split into its thinking part and its writing part.
    const thinking = page.getByTestId('thinking').first()
    await expect(thinking).toBeVisible()
    await expect(thinking).not.toHaveAttribute('open', '')
    await thinking.locator('summary').click()
    await expect(thinking.getByTestId('thinking-text')).not.toBeEmpty()
    const bar = page.locator('[aria-label="Gantt chart"] [data-kind="model"]').first()
    await expect(bar.locator('[data-part="thinking"]')).toHaveCount(1)
    const [start, thoughtEnd, end] = await Promise.all(['data-start-ms', 'data-thinking-end-ms', 'data-end-ms'].map(async (name) => Number(await bar.getAttribute(name))))
    expect(thoughtEnd).toBeGreaterThanOrEqual(start!)
    expect(thoughtEnd).toBeLessThanOrEqual(end!)
    await expect(page.locator('[data-legend-item="thinking"]')).toHaveCount(1)
    await expect(page.getByLabel('Run statistics')).toContainText('Time to first thought')
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

test('a provider without native PDF input gets page images plus the text, checked on the wire', async ({ page }) => {
  const { readFile } = await import('node:fs/promises')
  mock.reset()
  await openApp(page, { provider: 'ollama', models: { ollama: 'mock-echo-parts' }, baseURLs: { ollama: `${mock.url}/v1` }, toolPack: 'none' })
  await page.getByLabel('Attach files').setInputFiles([
    { name: 'acme-receipt.pdf', mimeType: 'application/pdf', buffer: await readFile('public/samples/acme-receipt.pdf') },
    { name: 'acme-receipt.png', mimeType: 'image/png', buffer: await readFile('public/samples/acme-receipt.png') },
  ])
  await expect(page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')).toHaveCount(2, { timeout: 30_000 })
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('What is in these files?')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  const post = mock.requests().find((r) => r.method === 'POST')!
  const body = post.body as { messages: { role: string; content: unknown }[] }
  const user = body.messages.find((m) => m.role === 'user')!
  const parts = user.content as { type: string; text?: string; image_url?: { url: string } }[]
  const images = parts.filter((p) => p.type === 'image_url')
  expect(parts.some((p) => p.type === 'file')).toBe(false) // Ollama rejects file parts
  expect(images.length).toBeGreaterThanOrEqual(2) // the PNG, and the PDF's page as an image
  expect(images.every((p) => p.image_url!.url.startsWith('data:image/'))).toBe(true)
  expect(parts.filter((p) => p.type === 'text').map((p) => p.text).join('\n')).toContain('ACME GROCERY') // the PDF's text
})
