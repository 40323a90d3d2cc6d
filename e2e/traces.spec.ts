// A real Strands TS agent's trace (made here, in Node, by the SDK with its own telemetry on) is
// dropped on the page: it opens as a read-only run on the Gantt, the what-if projects the other
// executor, and the run survives a permalink into a fresh browser.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { runsFromOtlp } from '../src/runs/otel.ts'
import { strandsTrace } from '../src/runs/__tests__/traces/strands.ts'
import { FAST, bars, expect, openApp, pickScenario, test } from './app.ts'

const LANE = 'weather_agent (imported)'

/** Drop one file on the page the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page: Page, name: string, type: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(([n, t, body]) => {
    const dt = new DataTransfer()
    dt.items.add(new File([body], n, { type: t }))
    return dt
  }, [name, type, text] as const)
  const body = page.locator('body')
  await body.dispatchEvent('dragenter', { dataTransfer: transfer })
  await body.dispatchEvent('dragover', { dataTransfer: transfer })
  await body.dispatchEvent('drop', { dataTransfer: transfer })
}

const overlapAll = (list: { start: number; end: number }[]): boolean => Math.max(...list.map((b) => b.start)) < Math.min(...list.map((b) => b.end))

test('drop a Strands trace → Gantt with three overlapping tools → what-if → share → reopen', async ({ page, browser }) => {
  const trace = await strandsTrace('concurrent')
  await openApp(page)
  await dropFile(page, 'strands-trace.json', 'application/json', JSON.stringify(trace.otlp))

  await expect(page.getByRole('region', { name: 'Replay' })).toBeVisible()
  await expect(page.getByTestId('imported-from')).toContainText('executor inferred: concurrent: 3 calls overlapped in turn 1')
  await expect(page.getByRole('region', { name: 'Attachments' }).getByText('strands-trace.json')).toHaveCount(0)
  await expect.poll(async () => (await bars(page, LANE)).length).toBe(3)
  const tools = await bars(page, LANE)
  expect(tools.map((b) => b.name).sort()).toEqual(['get_population', 'get_time', 'get_weather'])
  expect(overlapAll(tools)).toBe(true)
  expect(await bars(page, LANE, 'model')).toHaveLength(2)
  // An imported run is read-only: Lanes cannot run Strands' tools again.
  await expect(page.getByRole('button', { name: 'Run again' })).toBeDisabled()
  await page.screenshot({ path: 'test-results/traces-imported.png', fullPage: true })

  // Share it: the whole imported run goes in the link.
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const box = page.getByRole('textbox', { name: 'Permalink' })
  await expect(box).toHaveValue(/#r=1\./)
  const link = await box.inputValue()
  await page.getByRole('button', { name: 'Done' }).click()

  // What-if: the other executor, projected from the recorded durations.
  await page.getByRole('button', { name: /What if\?/ }).click()
  await expect.poll(async () => (await bars(page, 'sequential (projected)')).length).toBe(3)
  const projected = [...(await bars(page, 'sequential (projected)'))].sort((a, b) => a.start - b.start)
  projected.forEach((bar, i) => { if (i > 0) expect(bar.start).toBeGreaterThanOrEqual(projected[i - 1]!.end - 0.01) })
  const sum = tools.reduce((total, b) => total + b.end - b.start, 0)
  expect(projected.at(-1)!.end - projected[0]!.start).toBeCloseTo(sum, 0)
  await page.screenshot({ path: 'test-results/traces-what-if.png', fullPage: true })

  // Reopen the link in a fresh browser: the same bars, and the what-if works there too.
  const fresh = await browser.newContext()
  const viewer = await fresh.newPage()
  await viewer.goto(link)
  await expect(viewer.getByRole('region', { name: 'Replay' })).toBeVisible()
  await expect(viewer.getByTestId('imported-from')).toContainText('concurrent: 3 calls overlapped in turn 1')
  const lanes = await viewer.locator('[aria-label="Gantt chart"] [data-kind="tool"]').evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-run')))])
  expect(lanes).toHaveLength(1)
  const reopened = await bars(viewer, lanes[0]!)
  const byName = (list: typeof tools): typeof tools => [...list].sort((a, b) => a.name.localeCompare(b.name))
  expect(byName(reopened).map((b) => b.name)).toEqual(byName(tools).map((b) => b.name))
  byName(reopened).forEach((bar, i) => expect(Math.abs(bar.end - bar.start - (byName(tools)[i]!.end - byName(tools)[i]!.start))).toBeLessThan(1))
  await viewer.getByRole('button', { name: /What if\?/ }).click()
  await expect.poll(async () => (await bars(viewer, 'sequential (projected)')).length).toBe(3)
  await fresh.close()
})

test('a file that is not a trace gets a message from "Import trace", and nothing else changes', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'History' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import trace' }).click()
  await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') })
  await expect(page.getByTestId('notice')).toContainText('This file could not be imported as a trace')
  await expect(page.getByTestId('notice')).toContainText('not a trace Lanes can read')
  await expect(page.getByRole('region', { name: 'Replay' })).toHaveCount(0)
  await expect(page.locator('[aria-label="Gantt chart"] [data-kind]')).toHaveCount(0)
})

test('an imported trace goes on one axis with a Lanes run, and a Lanes run exports as OTLP/JSON', async ({ page }) => {
  const trace = await strandsTrace('concurrent')
  await openApp(page, FAST)
  await pickScenario(page, 'city-sequential')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })

  // Export the Lanes run as OTLP/JSON; it reads back as the same tool calls.
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await page.getByText('OpenTelemetry (OTLP/JSON)').click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export OTLP/JSON' }).click()
  const file = await (await download).path()
  const exported = runsFromOtlp(JSON.parse(await readFile(file, 'utf8')))
  expect(exported.ok && exported.records[0]!.events.filter((e) => e.type === 'tool-start').map((e) => e.type === 'tool-start' && e.name)).toEqual(['get_weather', 'get_time', 'get_population'])
  expect(exported.ok && exported.records[0]!.config.executor).toBe('sequential')
  await page.getByRole('button', { name: 'Done' }).click()

  // Import the Strands trace in History (it opens read-only), then put the Lanes run beside it.
  await page.getByRole('button', { name: 'History' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import trace' }).click()
  await (await chooser).setFiles({ name: 'trace.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(trace.otlp)) })
  await expect(page.getByTestId('import-report')).toContainText('Imported 1 run from the trace')
  await expect.poll(async () => (await bars(page, LANE)).length).toBe(3)
  const lanesRun = page.getByTestId('history-item').filter({ hasText: 'Seattle' }).filter({ hasNotText: 'Strands' }).first()
  await lanesRun.getByRole('button', { name: 'Add to Gantt' }).click()
  // Both on one time axis: the imported Strands run and the Lanes run, three tools each.
  await expect.poll(async () => (await bars(page, 'sequential')).length).toBe(3)
  expect(await bars(page, LANE)).toHaveLength(3)
  const lanes = await page.locator('[aria-label="Gantt chart"] [data-kind="tool"]').evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-run')))])
  expect(lanes.sort()).toEqual(['sequential', LANE])
  await page.screenshot({ path: 'test-results/traces-compare.png', fullPage: true })
})

test('a trace with two agent runs lets you pick one or import all', async ({ page }) => {
  const first = await strandsTrace('concurrent')
  const second = await strandsTrace('sequential')
  await openApp(page)
  // The Collector's file exporter writes one OTLP request per line.
  await dropFile(page, 'collector.jsonl', '', `${JSON.stringify(first.otlp)}\n${JSON.stringify(second.otlp)}\n`)
  const picker = page.getByRole('region', { name: 'Runs in this trace' })
  await expect(picker).toContainText('This trace holds 2 agent runs')
  await expect(picker).toContainText('concurrent: 3 calls overlapped in turn 1')
  await expect(picker).toContainText('sequential: the 3 calls of turn 1 ran one after another')
  await picker.getByRole('button', { name: 'Import all' }).click()
  await expect(picker).toHaveCount(0)
  await expect.poll(async () => page.locator('[aria-label="Gantt chart"] [data-kind="tool"]').count()).toBe(6)
  expect(await bars(page, LANE)).toHaveLength(3)
  expect(await bars(page, `${LANE} #2`)).toHaveLength(3)
  expect(overlapAll(await bars(page, LANE))).toBe(true)
  expect(overlapAll(await bars(page, `${LANE} #2`))).toBe(false)
})
