// Real traces made here by the real frameworks (Strands TS, the Vercel AI SDK) with their own
// telemetry on, exported by the OpenTelemetry SDK's in-memory exporter and serialised by the
// official OTLP/JSON transformer; then imported the way a dropped file is.
import { describe, expect, it } from 'vitest'
import { ganttSpansOf } from '../gantt.ts'
import { metricsOf } from '../metrics.ts'
import { parseTraceText, runsFromOtlp } from '../otel.ts'
import { projectExecutor } from '../project.ts'
import { validateRecord } from '../record.ts'
import type { GanttSpan, RunRecord } from '../types.ts'
import { aiSdkTrace } from './traces/ai-sdk.ts'
import { strandsTrace, TOOL_DELAYS, type GeneratedTrace } from './traces/strands.ts'

/** Import a generated trace as a file would be: serialised, parsed, read. */
function importFile(trace: GeneratedTrace): RunRecord[] {
  const parsed = parseTraceText(JSON.stringify(trace.otlp))
  if (!parsed.ok) throw new Error(parsed.error)
  const result = runsFromOtlp(parsed.json)
  if (!result.ok) throw new Error(result.error)
  return result.records
}

const toolBars = (record: RunRecord): GanttSpan[] => ganttSpansOf([record]).filter((span) => span.kind === 'tool')

/**
 * Each tool span's duration in ms, read straight from the OTLP/JSON the SDK wrote (not through
 * the importer): the GenAI tool name (Strands) or ai.toolCall.name (AI SDK) and the span's times.
 */
function spanDurations(otlp: unknown): Map<string, number> {
  const out = new Map<string, number>()
  const request = otlp as { resourceSpans: { scopeSpans: { spans: { attributes: { key: string; value: { stringValue?: string } }[]; startTimeUnixNano: string; endTimeUnixNano: string }[] }[] }[] }
  for (const span of request.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))) {
    const name = span.attributes.find((a) => a.key === 'gen_ai.tool.name' || a.key === 'ai.toolCall.name')?.value.stringValue
    if (name) out.set(name, Number(BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)) / 1e6)
  }
  return out
}

function expectThreeTools(record: RunRecord, trace: GeneratedTrace): GanttSpan[] {
  const bars = toolBars(record)
  expect(bars.map((bar) => bar.name).sort()).toEqual(Object.keys(TOOL_DELAYS).sort())
  const spans = spanDurations(trace.otlp)
  for (const bar of bars) {
    // The bar lasts as long as the framework's span (a sequential call may start up to the SDK's
    // 1 ms start-time precision later, see otel/record.ts)…
    expect(Math.abs(bar.endMs - bar.startMs - spans.get(bar.name)!)).toBeLessThanOrEqual(5)
    // …and the span holds the tool's own work: never shorter than the tool measured itself.
    expect(bar.endMs - bar.startMs).toBeGreaterThanOrEqual(trace.measured.get(bar.name)! - 1)
    expect(bar.args).toEqual({ city: 'Seattle' })
    expect(bar.output).toContain(`${bar.name} for Seattle: ok`)
    expect(bar.status).toBe('ok')
  }
  return bars
}

const overlapAll = (bars: GanttSpan[]): boolean => Math.max(...bars.map((b) => b.startMs)) < Math.min(...bars.map((b) => b.endMs))
function noOverlap(bars: GanttSpan[]): boolean {
  const sorted = [...bars].sort((a, b) => a.startMs - b.startMs)
  return sorted.every((bar, i) => i === 0 || bar.startMs >= sorted[i - 1]!.endMs)
}

describe('traces from Strands TS (@strands-agents/sdk)', () => {
  it('concurrent: three overlapping tool bars with the measured durations, two model turns, usage, inferred executor', async () => {
    const trace = await strandsTrace('concurrent')
    const [record, ...rest] = importFile(trace)
    expect(rest).toEqual([])
    expect(validateRecord(record).ok).toBe(true)
    const bars = expectThreeTools(record!, trace)
    expect(overlapAll(bars)).toBe(true)
    expect(bars.every((bar) => bar.turn === 1)).toBe(true)
    expect(record!.config.executor).toBe('concurrent')
    expect(record!.imported).toEqual(expect.objectContaining({ framework: 'strands', format: 'otlp', executorInferred: true, executorNote: 'concurrent: 3 calls overlapped in turn 1' }))
    const models = ganttSpansOf([record!]).filter((span) => span.kind === 'model')
    expect(models.map((m) => [m.name, m.turn, m.status])).toEqual([['scripted-model', 1, 'toolUse'], ['scripted-model', 2, 'endTurn']])
    // Turn 1's model call ends before its tools start; turn 2's starts after they end.
    expect(models[0]!.endMs).toBeLessThanOrEqual(Math.min(...bars.map((b) => b.startMs)))
    expect(models[1]!.startMs).toBeGreaterThanOrEqual(Math.max(...bars.map((b) => b.endMs)))
    const metrics = metricsOf(record!.events)
    expect([metrics.inputTokens, metrics.outputTokens, metrics.turns, metrics.toolCalls]).toEqual([130, 36, 2, 3])
    expect(record!.input.text).toBe('Weather, time and population of Seattle?')
    const end = record!.events.at(-1)
    expect(end?.type === 'run-end' && end.result.text).toBe('Sunny, 10:00, 750k.')
    // Only the longest tool is on the critical path of a concurrent turn.
    expect(bars.filter((bar) => bar.critical).map((bar) => bar.name)).toEqual(['get_population'])
  })

  it('sequential: the same tools as bars that do not overlap, and the executor inferred as sequential', async () => {
    const trace = await strandsTrace('sequential')
    const [record] = importFile(trace)
    const bars = expectThreeTools(record!, trace)
    expect(noOverlap(bars)).toBe(true)
    expect(record!.config.executor).toBe('sequential')
    expect(record!.imported?.executorNote).toBe('sequential: the 3 calls of turn 1 ran one after another')
    expect(bars.every((bar) => bar.critical)).toBe(true)
  })

  it('what-if: projecting the concurrent import as sequential adds up the tool durations', async () => {
    const trace = await strandsTrace('concurrent')
    const [record] = importFile(trace)
    const projected = projectExecutor(record!, 'sequential')
    const bars = toolBars(projected)
    expect(noOverlap(bars)).toBe(true)
    const phase = Math.max(...bars.map((b) => b.endMs)) - Math.min(...bars.map((b) => b.startMs))
    const sum = toolBars(record!).reduce((total, bar) => total + bar.endMs - bar.startMs, 0)
    expect(phase).toBeCloseTo(sum, 1)
  })

  it('a Collector file with one request per line and two invocations gives two runs, in order', async () => {
    const first = await strandsTrace('concurrent')
    const second = await strandsTrace('sequential')
    const parsed = parseTraceText(`${JSON.stringify(first.otlp)}\n${JSON.stringify(second.otlp)}\n`)
    expect(parsed.ok).toBe(true)
    const result = parsed.ok ? runsFromOtlp(parsed.json) : undefined
    expect(result?.ok && result.records.map((r) => r.config.executor)).toEqual(['concurrent', 'sequential'])
  })
})

describe('traces from the Vercel AI SDK (ai)', () => {
  it('three overlapping tool bars (the SDK runs a step\'s tools concurrently; it has no sequential mode)', async () => {
    const trace = await aiSdkTrace()
    const [record, ...rest] = importFile(trace)
    expect(rest).toEqual([])
    const bars = expectThreeTools(record!, trace)
    expect(overlapAll(bars)).toBe(true)
    expect(record!.imported).toEqual(expect.objectContaining({ framework: 'ai-sdk', executorNote: 'concurrent: 3 calls overlapped in turn 1' }))
    expect(record!.title).toBe('Vercel AI SDK: weather-agent')
    const models = ganttSpansOf([record!]).filter((span) => span.kind === 'model')
    expect(models.map((m) => [m.name, m.turn, m.status])).toEqual([['mock-model-id', 1, 'tool-calls'], ['mock-model-id', 2, 'stop']])
    // The SDK's model span stays open while its tools run; the bar ends where the tools start.
    expect(models[0]!.endMs).toBeLessThanOrEqual(Math.min(...bars.map((b) => b.startMs)))
    expect(models[1]!.ttftMs).toBeGreaterThan(models[1]!.startMs)
    const metrics = metricsOf(record!.events)
    expect([metrics.inputTokens, metrics.outputTokens]).toEqual([130, 36])
  })
})
