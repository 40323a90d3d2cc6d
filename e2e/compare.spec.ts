import { readFile } from 'node:fs/promises'
import { bars, expect, openApp, pickScenario, test } from './app.ts'

// The seeds' numbers: three 1 s tools take about 1 s concurrent and about 3 s sequential. With no
// model delay (TTFT 0, unlimited tokens) the makespan is the tool phase, so the speedup is ~3.
const SEED_TIMING = { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } }

test('Compare executors on the city scenario: overlap, no overlap, speedup ≈ 3, details, SVG export', async ({ page }) => {
  await openApp(page, SEED_TIMING)
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Compare executors' }).click()
  const comparison = page.getByTestId('comparison')
  await expect(comparison).toBeVisible({ timeout: 30_000 })

  const concurrent = await bars(page, 'concurrent')
  const sequential = await bars(page, 'sequential')
  expect(concurrent).toHaveLength(3)
  expect(sequential).toHaveLength(3)
  expect(Math.max(...concurrent.map((b) => b.start))).toBeLessThan(Math.min(...concurrent.map((b) => b.end)))
  const ordered = [...sequential].sort((a, b) => a.start - b.start)
  for (let i = 1; i < ordered.length; i++) expect(ordered[i]!.start).toBeGreaterThanOrEqual(ordered[i - 1]!.end)
  // Tool phases: ~1 s against ~3 s.
  const phase = (list: typeof concurrent): number => Math.max(...list.map((b) => b.end)) - Math.min(...list.map((b) => b.start))
  expect(phase(concurrent)).toBeGreaterThan(950)
  expect(phase(concurrent)).toBeLessThan(1400)
  expect(phase(sequential)).toBeGreaterThan(2950)
  expect(phase(sequential)).toBeLessThan(3600)

  const speedup = Number((await page.getByTestId('speedup').first().textContent())?.replace('×', ''))
  expect(speedup).toBeGreaterThan(2.4)
  expect(speedup).toBeLessThan(3.2)
  await expect(comparison).toContainText('tool phase')

  // Hover shows the details of a bar.
  const chart = page.getByRole('img', { name: 'Gantt chart' })
  await chart.locator('[data-run="sequential"][data-kind="tool"][data-name="get_time"]').first().hover()
  const tooltip = page.getByRole('tooltip')
  await expect(tooltip).toContainText('get_time')
  await expect(tooltip).toContainText('Seattle')

  // SVG export downloads a file that parses.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export SVG' }).click()
  const file = await (await download).path()
  const svg = await readFile(file, 'utf8')
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return { error: doc.getElementsByTagName('parsererror').length, bars: doc.querySelectorAll('[data-kind]').length, root: doc.documentElement.nodeName }
  }, svg)
  expect(parsed.error).toBe(0)
  expect(parsed.root).toBe('svg')
  expect(parsed.bars).toBeGreaterThanOrEqual(6)
})

test('What-if projects the other executor from one run, labelled as projected, with no new run', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.3 } })
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  const realStats = await page.getByLabel('Run statistics').textContent()
  await page.getByRole('button', { name: /What if/ }).click()
  await expect.poll(async () => (await bars(page, 'sequential (projected)')).length).toBe(3)
  // The projection is drawn beside the real run; the real run's figures stay its own.
  expect(await page.getByLabel('Run statistics').textContent()).toBe(realStats)
  const projected = await bars(page, 'sequential (projected)')
  expect(projected).toHaveLength(3)
  const ordered = [...projected].sort((a, b) => a.start - b.start)
  for (let i = 1; i < ordered.length; i++) expect(ordered[i]!.start).toBeGreaterThanOrEqual(ordered[i - 1]!.end - 0.5)
  await expect(page.getByRole('img', { name: 'Gantt chart' })).toContainText('projected')
})

test('Compare respects a chosen limit N, and a tool-less prompt claims no speedup', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.2 } })
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('radio', { name: 'Limit' }).check()
  await page.getByRole('button', { name: 'Compare executors' }).click()
  await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('median-concurrency:2')).toBeVisible()
  await expect(page.getByTestId('median-sequential')).toBeVisible()
  await expect(page.getByTestId('median-concurrent')).toHaveCount(0)

  await page.getByLabel('Prompt', { exact: true }).fill('Say hello in one short sentence.')
  await page.getByRole('button', { name: 'Compare executors' }).click()
  await expect(page.getByTestId('no-speedup')).toContainText('the executor makes no difference', { timeout: 20_000 })
  await expect(page.getByTestId('speedup')).toHaveCount(0)
})
