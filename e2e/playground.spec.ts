import { FAST, bars, expect, openApp, pickScenario, test } from './app.ts'

test('the offline default needs no key: scenario → run → streamed answer, tool cards and lanes', async ({ page }) => {
  await openApp(page)
  await expect(page.getByRole('combobox', { name: 'Provider', exact: true })).toHaveValue('local')
  await pickScenario(page, 'city-concurrent')
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(/weather, time, and population in Seattle/)
  await page.getByRole('button', { name: 'Run', exact: true }).click()

  // Tool cards appear and make progress while the run streams.
  await expect(page.getByTestId('run-status')).toHaveText('Streaming…')
  const cards = page.locator('article[aria-label^="Tool call"]')
  await expect(cards).toHaveCount(3)
  await expect(page.getByRole('list', { name: 'Tool timeline' }).getByRole('listitem')).toHaveCount(3)

  // The answer streams in (partial first), then the run ends with every tool ok.
  const answer = page.getByTestId('answer')
  await expect(answer).toHaveAttribute('aria-live', 'polite')
  await expect(answer).toContainText('Sunny, 72°F', { timeout: 20_000 })
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  await expect(answer).toContainText('2:30 PM')
  await expect(answer).toContainText('1.5 million')
  await expect(page.getByTestId('tool-status')).toHaveText(['ok', 'ok', 'ok'])
  await expect(page.locator('[data-stat="Time to first token"]')).not.toHaveText('—')
})

test('the executor switch changes how the tools run', async ({ page }) => {
  await openApp(page, FAST)
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('radiogroup', { name: 'Tool executor' }).getByLabel('Sequential').check()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  const sequential = await bars(page, 'sequential')
  expect(sequential).toHaveLength(3)
  for (let i = 1; i < sequential.length; i++) expect(sequential[i]!.start).toBeGreaterThanOrEqual(sequential[i - 1]!.end)

  await page.getByRole('radiogroup', { name: 'Tool executor' }).getByLabel('Concurrent').check()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  // The same prompt re-runs beside the first: wait for the new run to be the one shown, else the
  // first run's "Done" answers at once (flaky in CI).
  await expect(page.getByRole('group', { name: 'Runs of message 1' }).getByRole('button', { name: 'concurrent' })).toHaveAttribute('aria-pressed', 'true', { timeout: 20_000 })
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  const concurrent = await bars(page, 'concurrent')
  expect(concurrent).toHaveLength(3)
  const latestStart = Math.max(...concurrent.map((b) => b.start))
  const earliestEnd = Math.min(...concurrent.map((b) => b.end))
  expect(latestStart).toBeLessThan(earliestEnd) // all three overlap
})

test('Stop mid-stream keeps the partial answer and marks the run stopped', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 50, tokensPerSecond: 8, toolSpeed: 0.1 } })
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const text = page.getByTestId('assistant-text').last()
  await expect(text).toContainText('In Seattle', { timeout: 20_000 })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('run-status')).toHaveText('Stopped')
  const partial = await text.textContent()
  expect(partial?.length ?? 0).toBeGreaterThan(5)
  await expect(page.getByRole('status').filter({ hasText: 'Everything streamed so far is kept' })).toBeVisible()
  await page.waitForTimeout(300)
  expect(await text.textContent()).toBe(partial) // nothing more arrives after Stop
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled()
})

test('Ctrl+Enter runs the prompt from the keyboard', async ({ page }) => {
  await openApp(page, FAST)
  await page.getByLabel('Prompt', { exact: true }).fill('Process 30 records')
  await page.getByLabel('Tool pack').selectOption('streaming')
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter')
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  await expect(page.getByRole('article', { name: 'Tool call process_dataset' })).toContainText('Processed 30/30 records')
})

test('Edit puts the prompt back in the composer; Re-run runs it again', async ({ page }) => {
  await openApp(page, FAST)
  await pickScenario(page, 'fetch-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  const box = page.getByRole('textbox', { name: 'Prompt', exact: true })
  await box.fill('something else')
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await expect(box).toHaveValue('Fetch data from API-A, API-B, and API-C')
  await expect(box).toBeFocused()
  await box.press('End')
  await box.pressSequentially(' and API-D')
  await box.press('Control+Enter')
  await expect(page.getByTestId('user-prompt')).toHaveText('Fetch data from API-A, API-B, and API-C and API-D')
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  await page.getByRole('button', { name: 'Re-run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  await expect(page.getByTestId('user-prompt')).toHaveText('Fetch data from API-A, API-B, and API-C and API-D')
})
