import { expect, openApp, test } from './app.ts'

// Issue 15: when the page has to end a run itself (its agent worker froze during a model call and
// was shut down after Stop), it closes the run with core's closeRun: the model bar ends, nothing on
// the chart is left running, and what came before stays.
test('a worker killed during a model call closes that model bar on the Gantt', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 30_000, tokensPerSecond: 60, toolSpeed: 1 } })
  await page.getByLabel('Prompt', { exact: true }).fill("What's the weather in Seattle?")
  await page.getByRole('button', { name: 'Run', exact: true }).click()

  const modelBar = page.locator('[aria-label="Gantt chart"] [data-kind="model"]')
  await expect(modelBar).toHaveCount(1)
  await expect(modelBar).toHaveAttribute('data-status', 'running')

  // Freeze the agent worker's thread mid model call, as a runaway synchronous loop would.
  await expect.poll(() => page.workers().length).toBeGreaterThan(0)
  const worker = page.workers().find((w) => w.url().includes('agent')) ?? page.workers()[0]!
  void worker.evaluate(() => { const end = Date.now() + 20_000; while (Date.now() < end) { /* frozen */ } }).catch(() => undefined)

  await page.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Stopped', { timeout: 10_000 })
  await expect(page.getByTestId('error-message')).toContainText('did not stop within 3 s of Stop')

  // The model bar is closed: not running, and its end no longer moves with the clock.
  await expect(modelBar).not.toHaveAttribute('data-status', 'running')
  await expect(page.locator('[aria-label="Gantt chart"] [data-status="running"]')).toHaveCount(0)
  const end = Number(await modelBar.getAttribute('data-end-ms'))
  expect(end).toBeGreaterThan(2_500) // it ran until the worker was shut down, 3 s after Stop
  await page.waitForTimeout(500)
  expect(Number(await modelBar.getAttribute('data-end-ms'))).toBe(end)
})
