// Round trip: every gallery scenario, played by the real Agent with the offline model and the demo
// tools, exported with runToOtlp (as a file: JSON text) and imported with runsFromOtlp, gives the
// same Gantt: bars, names, turns, times (to the microsecond OTLP keeps), ticks, status, critical
// path. Lives in state/ because it is the layer allowed to import providers/ and tools/.
import { describe, expect, it } from 'vitest'
import { Agent, executorLabel, type AgentEvent, type ContentPart } from '../../core/index.ts'
import { createLocalModel } from '../../providers/index.ts'
import { ganttSpansOf } from '../../runs/gantt.ts'
import { parseTraceText, runsFromOtlp, runToOtlp } from '../../runs/otel.ts'
import { toShareable } from '../../runs/record.ts'
import type { GanttSpan, RunRecord } from '../../runs/types.ts'
import { createToolPacks, findPack, SCENARIOS } from '../../tools/index.ts'

const RECEIPT = 'ACME GROCERY\nReceipt #: 2025-001234\nDate: Oct 11, 2025\nBread $3.49\nSubtotal: $3.49\nTax: $0.30\nTOTAL: $3.79'

async function playScenario(id: string): Promise<RunRecord> {
  const scenario = SCENARIOS.find((s) => s.id === id)!
  const pack = findPack(createToolPacks({ speed: 0.01 }), scenario.toolPack)!
  const agent = new Agent({
    model: createLocalModel({ ttftMs: 0, tokensPerSecond: 0, ocr: async () => RECEIPT }),
    tools: pack.tools,
    executor: scenario.executor,
    ...(scenario.system !== undefined ? { system: scenario.system } : {}),
    ...(scenario.routingOnly !== undefined ? { routingOnly: scenario.routingOnly } : {}),
    ...(scenario.maxTurns !== undefined ? { maxTurns: scenario.maxTurns } : {}),
  })
  const files = (scenario.attachments ?? []).map((path): ContentPart => {
    const name = path.split('/').pop() ?? path
    return name.endsWith('.pdf') ? { type: 'document', mediaType: 'application/pdf', data: 'JVBERi0=', name, text: [RECEIPT] } : { type: 'image', mediaType: 'image/png', data: 'iVBORw0KGgo=', name }
  })
  const events: AgentEvent[] = []
  for await (const event of agent.stream(files.length ? [{ type: 'text', text: scenario.prompt }, ...files] : scenario.prompt)) events.push(event)
  return {
    v: 1, id: `scenario-${id}`, createdAt: '2026-11-30T05:00:00.000Z', label: id, status: 'done',
    config: { provider: 'local', model: 'lanes-local', executor: executorLabel(scenario.executor), toolPack: scenario.toolPack, tools: pack.tools.map((t) => t.name), maxTurns: scenario.maxTurns ?? 10, routingOnly: scenario.routingOnly ?? false },
    input: { text: scenario.prompt, attachments: [] },
    events,
  }
}

/** The Gantt of a record: its bars without times, and every time on them, in order. */
function gantt(record: RunRecord): { bars: Omit<GanttSpan, 'startMs' | 'endMs' | 'ttftMs' | 'ticks'>[]; times: number[] } {
  const spans = ganttSpansOf([{ record, label: 'run' }])
  const bars = spans.map(({ startMs: _s, endMs: _e, ttftMs: _t, ticks: _k, ...rest }) => rest)
  const times = spans.flatMap((span) => [span.startMs, span.endMs, span.ttftMs ?? -1, ...(span.ticks ?? [])])
  return { bars, times }
}

/** Same bars, and every time within a microsecond (OTLP nanoseconds keep performance.now() to that). */
function expectSameGantt(actual: RunRecord, expected: RunRecord): void {
  const a = gantt(actual)
  const b = gantt(expected)
  expect(a.bars).toEqual(b.bars)
  expect(a.times).toHaveLength(b.times.length)
  const worst = Math.max(0, ...a.times.map((t, i) => Math.abs(t - b.times[i]!)))
  expect(worst).toBeLessThanOrEqual(0.0011)
}

describe('a Lanes run exported as OTLP and imported again gives the same Gantt', () => {
  it.each(SCENARIOS.map((s) => [s.id]))('%s', async (id) => {
    const record = await playScenario(id)
    const parsed = parseTraceText(JSON.stringify(runToOtlp(record)))
    const result = parsed.ok ? runsFromOtlp(parsed.json) : parsed
    if (!result.ok) throw new Error(result.error)
    expect(result.records).toHaveLength(1)
    const back = result.records[0]!
    // What leaves the machine is the shareable record (keys scrubbed), so that is what comes back.
    expectSameGantt(back, toShareable(record, { inlineThumbnails: false }))
    expect(back.config.executor).toBe(record.config.executor)
    expect(back.imported).toEqual(expect.objectContaining({ framework: 'lanes', executorInferred: false }))
    expect(back.label).toBe(id)
  })
})
