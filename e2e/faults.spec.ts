import type { Page } from '@playwright/test'
import { startMockServer, type MockServer } from './mock-server/node.ts'
import { expect, openApp, test } from './app.ts'

// Every provider fault, in Chromium, through the real SDKs and the page: a clear message in
// place, the partial output kept, the history entry intact, retries and fallback as configured,
// and the next run working.
let mock: MockServer
test.beforeAll(async () => {
  mock = await startMockServer()
})
test.afterAll(async () => {
  await mock.close()
})

interface Case {
  model: string
  provider?: 'openai' | 'anthropic'
  retries?: number
  fallback?: string
  idleTimeoutS?: number
  /** The error message says this (omit when the run should succeed). */
  message?: RegExp
  /** Text that must stay on screen (partial output, or the answer). */
  keeps?: string
  /** Notices shown in the turn (retries, fallback). */
  notices?: RegExp[]
  /** Requests the mock should have received for this run. */
  requests?: number
}

const CASES: Case[] = [
  { model: 'fault-401', message: /key/i, requests: 1 },
  { model: 'fault-403', message: /access|permission/i, requests: 1 },
  { model: 'fault-404', message: /model/i, requests: 1 },
  { model: 'fault-429', retries: 1, message: /rate/i, notices: [/Retry 1/], requests: 2 },
  { model: 'fault-500', retries: 1, message: /server|error/i, notices: [/Retry 1/], requests: 2 },
  { model: 'fault-500', retries: 0, fallback: 'local', keeps: 'to lanes-local', notices: [/Switched from/] },
  { model: 'fault-529', provider: 'anthropic', retries: 0, message: /overloaded/i, requests: 1 },
  { model: 'fault-ttft-stall', retries: 0, idleTimeoutS: 1, message: /No data|stalled|idle/i },
  { model: 'fault-cut', message: /cut|connection|network/i, keeps: 'Partial answer' },
  { model: 'fault-cut', provider: 'anthropic', message: /^The stream ended early/, keeps: 'Partial answer' },
  // An overload inside the stream, before any content, is retried like a 529.
  { model: 'fault-overloaded-startx1-then-text', provider: 'anthropic', retries: 1, keeps: 'Hello from the mock provider.', notices: [/Retry 1/], requests: 2 },
  // message_start and then nothing: the message says so, not a CORS guess.
  { model: 'fault-start-only', provider: 'anthropic', message: /^The stream ended early: Anthropic closed the connection after 1 event/ },
  { model: 'fault-malformed', message: /malformed|invalid|unexpected/i, keeps: 'Before the bad frame' },
  { model: 'fault-bad-tool-json', keeps: 'not valid JSON' },
  { model: 'fault-big', keeps: 'The quick brown fox' },
]

async function configure(page: Page, c: Case): Promise<void> {
  const provider = c.provider ?? 'openai'
  await page.addInitScript(([id]) => {
    sessionStorage.setItem('lanes.key.index', id!)
    sessionStorage.setItem(`lanes.key.${id}`, 'sk-test-fault-suite-key')
  }, [provider])
  await openApp(page, {
    provider,
    models: { [provider]: c.model },
    baseURLs: { [provider]: provider === 'openai' ? `${mock.url}/v1` : mock.url },
    toolPack: 'city',
    retries: c.retries ?? 0,
    fallbackProvider: c.fallback ?? '',
    idleTimeoutS: c.idleTimeoutS ?? 60,
    local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.05 },
  })
}

for (const c of CASES) {
  const name = `${c.provider ?? 'openai'} ${c.model}${c.fallback ? ` → fallback ${c.fallback}` : ''}${c.retries ? ` (${c.retries} retr${c.retries === 1 ? 'y' : 'ies'})` : ''}`
  test(name, async ({ page }) => {
    test.setTimeout(60_000)
    await configure(page, c)
    const before = mock.requests().filter((r) => r.method === 'POST').length
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(`Tell me about ${c.model}`)
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    const status = page.getByTestId('run-status')
    await expect(status).not.toHaveText('Streaming…', { timeout: 45_000 })

    if (c.message) {
      const alert = page.getByRole('alert').filter({ hasText: 'provider returned an error' })
      await expect(alert).toBeVisible()
      await expect(alert.getByTestId('error-message')).toHaveText(c.message)
      await expect(alert).not.toContainText('sk-test-fault-suite-key')
    } else {
      await expect(status).toHaveText('Done')
    }
    if (c.keeps) await expect(page.getByTestId('answer')).toContainText(c.keeps)
    for (const notice of c.notices ?? []) await expect(page.getByRole('status').filter({ hasText: notice }).first()).toBeVisible()
    // Each retry's backoff wait is drawn on the model call's bar.
    const retried = (c.notices ?? []).some((notice) => notice.source.startsWith('Retry'))
    await expect(page.locator('[aria-label="Gantt chart"] [data-part="retry"]')).toHaveCount(retried ? c.retries ?? 0 : 0)
    // One failure, one message: the error is said once on the page, not again in a banner.
    if (c.message) await expect(page.getByTestId('error-message')).toHaveCount(1)
    if (c.requests !== undefined) expect(mock.requests().filter((r) => r.method === 'POST').length - before).toBe(c.requests)
    await expect(page.getByTestId('user-prompt')).toHaveText(`Tell me about ${c.model}`)

    // The history entry is intact, and the next run works.
    await page.getByRole('button', { name: 'History', exact: true }).click()
    await expect(page.getByTestId('history-item').filter({ hasText: `Tell me about ${c.model}` })).toHaveCount(1)
    await page.getByLabel('Model', { exact: true }).fill('mock-text')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByTestId('answer')).toHaveText('Hello from the mock provider.', { timeout: 30_000 })
    await expect(status).toHaveText('Done')
  })
}
