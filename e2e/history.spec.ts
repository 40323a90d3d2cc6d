import { readFile } from 'node:fs/promises'
import { FAST, expect, openApp, pickScenario, test } from './app.ts'

test('history survives a reload, and a run reloaded mid-stream is kept as interrupted', async ({ page }) => {
  await openApp(page, FAST)
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  const answer = (await page.getByTestId('answer').textContent()) ?? ''

  // A slow run, reloaded while it streams.
  await page.getByRole('spinbutton', { name: 'Tokens/s' }).fill('5')
  await pickScenario(page, 'streaming-progress')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByRole('article', { name: 'Tool call process_dataset' })).toContainText('Processed 10/30', { timeout: 20_000 })
  await page.waitForTimeout(600) // let the coalesced history write land
  await page.reload()

  // The reload itself says what happened.
  await expect(page.getByTestId('notice')).toContainText('A run was cut off by a reload')
  await expect(page.getByTestId('notice')).toContainText('Process 30 records')

  await page.getByRole('button', { name: 'History', exact: true }).click()
  const items = page.getByTestId('history-item')
  await expect(items).toHaveCount(2)
  await expect(items.first()).toContainText('interrupted')
  await items.first().getByTitle('Open read-only').click()
  await expect(page.getByRole('article', { name: 'Tool call process_dataset' })).toContainText('Processed 10/30')
  // Reopened, it says it was interrupted, and nothing of it is left running.
  await expect(page.getByTestId('run-status')).toHaveText('Interrupted')
  await expect(page.getByTestId('error-message')).toContainText('cut off before it finished')
  await expect(page.getByRole('article', { name: 'Tool call process_dataset' }).getByTestId('tool-status')).not.toHaveText('running')
  await expect(page.locator('[aria-label="Gantt chart"] [data-status="running"]')).toHaveCount(0)

  await items.nth(1).getByTitle('Open read-only').click()
  await expect(page.getByTestId('answer')).toHaveText(answer)

  // Search and rename.
  await page.getByRole('searchbox', { name: 'Search history' }).fill('seattle')
  await expect(items).toHaveCount(1)
  await items.first().getByRole('button', { name: 'Rename' }).click()
  await page.getByRole('textbox', { name: 'Run title' }).fill('City check')
  await page.getByRole('textbox', { name: 'Run title' }).press('Enter')
  await page.getByRole('searchbox', { name: 'Search history' }).fill('')
  await expect(items.filter({ hasText: 'City check' })).toHaveCount(1)
})

test('export → clear → import restores history', async ({ page }) => {
  await openApp(page, FAST)
  await pickScenario(page, 'fetch-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  await page.getByRole('button', { name: 'History', exact: true }).click()
  const items = page.getByTestId('history-item')
  await expect(items).toHaveCount(1)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export all' }).click()
  const file = await (await download).path()
  const exported = await readFile(file, 'utf8')
  expect(JSON.parse(exported)).toMatchObject({ format: 'lanes-runs', v: 1 })

  await items.first().getByRole('button', { name: /^Delete/ }).click()
  await expect(items).toHaveCount(0)

  await page.getByLabel('Import runs').setInputFiles({ name: 'lanes-history.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
  await expect(page.getByTestId('import-report')).toContainText('Imported 1 run')
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText('API-A')
})

test('a run reloaded a moment after it starts, before any timed save, is in History as interrupted', async ({ page }) => {
  await openApp(page, { toolPack: 'none', local: { ttftMs: 0, tokensPerSecond: 40, toolSpeed: 1 } })
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Stream a long answer of 2000 tokens')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const answer = page.getByTestId('answer')
  await expect(answer).not.toBeEmpty()
  // At once: saves of the stream wait for an idle moment and are coalesced for 250 ms, but the
  // run's header is written as it starts.
  await page.reload()
  await expect(page.getByTestId('notice')).toContainText('A run was cut off by a reload')
  await page.getByRole('button', { name: 'History', exact: true }).click()
  const items = page.getByTestId('history-item')
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText('interrupted')
  await items.first().getByTitle('Open read-only').click()
  await expect(page.getByTestId('run-status')).toHaveText('Interrupted')
  await expect(page.getByTestId('error-message')).toContainText('cut off before it finished')
})
