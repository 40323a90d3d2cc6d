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

/** OTLP/JSON of one agent run with `turns` turns of one model call and `tools` concurrent tool calls each. */
function bigTrace(turns: number, tools: number): string {
  const base = Date.UTC(2026, 0, 1) * 1e6
  const ns = (ms: number): string => String(BigInt(base) + BigInt(Math.round(ms * 1e6)))
  const attr = (key: string, value: string) => ({ key, value: { stringValue: value } })
  const spans: object[] = []
  let t = 0
  for (let turn = 0; turn < turns; turn++) {
    spans.push({ traceId: 'big', spanId: `m${turn}`, parentSpanId: 'root', name: 'chat', startTimeUnixNano: ns(t), endTimeUnixNano: ns(t + 5), attributes: [attr('gen_ai.operation.name', 'chat'), attr('gen_ai.request.model', 'm')] })
    for (let i = 0; i < tools; i++) {
      spans.push({ traceId: 'big', spanId: `t${turn}_${i}`, parentSpanId: 'root', name: 'execute_tool', startTimeUnixNano: ns(t + 6), endTimeUnixNano: ns(t + 7 + (i % 10)), attributes: [attr('gen_ai.operation.name', 'execute_tool'), attr('gen_ai.tool.name', `tool_${i % 7}`), attr('gen_ai.tool.call.id', `c${turn}_${i}`)] })
    }
    t += 20
  }
  spans.push({ traceId: 'big', spanId: 'root', name: 'invoke_agent big', startTimeUnixNano: ns(0), endTimeUnixNano: ns(t), attributes: [attr('gen_ai.operation.name', 'invoke_agent'), attr('gen_ai.agent.name', 'big')] })
  return JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] })
}

test('a trace of 10,000 spans opens (read in a worker); timing printed', async ({ page }) => {
  test.setTimeout(120_000)
  await page.addInitScript(() => {
    const long: number[] = []
    Object.assign(window, { __longTasks: long })
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) long.push(entry.duration) }).observe({ type: 'longtask', buffered: true })
  })
  await openApp(page)
  const text = bigTrace(100, 99)
  const started = Date.now()
  await dropFile(page, 'big.json', 'application/json', text)
  // CSS waits: role queries walk the whole DOM on the page's thread, which 10,000 cards make slow.
  await page.waitForSelector('[data-testid="imported-from"]', { timeout: 90_000 })
  await expect(page.getByTestId('imported-from')).toContainText(/concurrent: \d+ calls overlapped in turn 1/)
  const seconds = (Date.now() - started) / 1000
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)
  console.log(`10,000 spans (${(text.length / 1e6).toFixed(1)} MB): open in ${seconds.toFixed(1)} s; longest main-thread task ${Math.max(0, ...longTasks).toFixed(0)} ms`)
  expect(await page.locator('[aria-label="Gantt chart"] [data-kind="tool"]').count()).toBeGreaterThan(0)
})
