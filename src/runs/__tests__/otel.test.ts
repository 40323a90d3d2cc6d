// runsFromOtlp / runToOtlp: the formats (OTLP/JSON, JSON Lines, Jaeger), the conventions
// (GenAI, OpenInference), what the export writes, and the messages for files that are not traces.
import { readFileSync } from 'node:fs'
import { context, trace as otelTrace } from '@opentelemetry/api'
import { describe, expect, it } from 'vitest'
import { ganttSpansOf } from '../gantt.ts'
import { looksLikeTrace, MAX_TRACE_BYTES, parseTraceText, runsFromOtlp, runToOtlp, runsToOtlp, traceSizeError } from '../otel.ts'
import { decodeFragment } from '../permalink.ts'
import { sampleCityRecord } from '../samples.ts'
import type { RunRecord } from '../types.ts'
import { startPipeline } from './traces/otel-sdk.ts'
import { strandsTrace } from './traces/strands.ts'

type Json = Record<string, unknown>
const records = (json: unknown): RunRecord[] => {
  const result = runsFromOtlp(json)
  if (!result.ok) throw new Error(result.error)
  return result.records
}
const bars = (record: RunRecord) => ganttSpansOf([{ record, label: 'x' }]).map(({ kind, name, turn, startMs, endMs, critical }) => ({ kind, name, turn, startMs, endMs, critical }))

/** OTLP/JSON as Jaeger's UI exports it (microseconds, tags, CHILD_OF references, processes). */
function toJaeger(otlp: unknown): unknown {
  const tag = (a: { key: string; value: Json }) => {
    const [type, value] = Object.entries(a.value)[0]!
    return { key: a.key, type: type === 'intValue' ? 'int64' : type === 'boolValue' ? 'bool' : 'string', value: type === 'intValue' ? Number(value) : value }
  }
  const us = (nanos: string): number => Number(BigInt(nanos) / 1000n)
  const spans = (otlp as { resourceSpans: { scopeSpans: { spans: Json[] }[] }[] }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)).map((s) => ({
    traceID: s['traceId'], spanID: s['spanId'], operationName: s['name'], processID: 'p1',
    references: s['parentSpanId'] ? [{ refType: 'CHILD_OF', traceID: s['traceId'], spanID: s['parentSpanId'] }] : [],
    startTime: us(s['startTimeUnixNano'] as string), duration: us(s['endTimeUnixNano'] as string) - us(s['startTimeUnixNano'] as string),
    tags: [...(s['attributes'] as { key: string; value: Json }[]).map(tag), { key: 'otel.scope.name', type: 'string', value: 'strands-agents' }],
    logs: (s['events'] as { name: string; timeUnixNano: string; attributes: { key: string; value: Json }[] }[]).map((e) => ({ timestamp: us(e.timeUnixNano), fields: [{ key: 'event', type: 'string', value: e.name }, ...e.attributes.map(tag)] })),
  }))
  return { data: [{ traceID: spans[0]?.traceID, spans, processes: { p1: { serviceName: 'weather', tags: [] } } }] }
}

describe('runsFromOtlp', () => {
  it('reads a Jaeger JSON export of a real Strands trace as the same run as its OTLP/JSON', async () => {
    const { otlp } = await strandsTrace('concurrent')
    const [fromOtlp] = records(otlp)
    const [fromJaeger] = records(toJaeger(otlp))
    expect(fromJaeger!.imported?.format).toBe('jaeger')
    // Jaeger keeps microseconds; OTLP nanoseconds.
    const round = (list: ReturnType<typeof bars>) => list.map((b) => ({ ...b, startMs: Math.round(b.startMs), endMs: Math.round(b.endMs) }))
    expect(round(bars(fromJaeger!))).toEqual(round(bars(fromOtlp!)))
    expect(fromJaeger!.imported?.executorNote).toBe('concurrent: 3 calls overlapped in turn 1')
  })

  it('reads OpenInference spans (AGENT, LLM, TOOL) written through the OpenTelemetry SDK', async () => {
    const pipeline = startPipeline()
    const tracer = otelTrace.getTracer('openinference.instrumentation.test')
    const t0 = Date.UTC(2026, 0, 1)
    const agent = tracer.startSpan('Agent', { startTime: t0, attributes: { 'openinference.span.kind': 'AGENT', 'input.value': 'Find two things' } })
    const ctx = otelTrace.setSpan(context.active(), agent)
    const llm = tracer.startSpan('ChatCompletion', { startTime: t0 + 10, attributes: { 'openinference.span.kind': 'LLM', 'llm.model_name': 'gpt-test', 'llm.token_count.prompt': 12, 'llm.token_count.completion': 5 } }, ctx)
    llm.end(t0 + 50)
    for (const [name, end] of [['search', 250], ['lookup', 400]] as const) {
      const tool = tracer.startSpan(name, { startTime: t0 + 60, attributes: { 'openinference.span.kind': 'TOOL', 'tool.name': name, 'tool.parameters': '{"q":"x"}', 'output.value': `${name} done` } }, ctx)
      tool.end(t0 + end)
    }
    agent.end(t0 + 420)
    const otlp = pipeline.take()
    await pipeline.shutdown()
    const [record] = records(otlp)
    expect(record!.imported).toEqual(expect.objectContaining({ framework: 'openinference', executorNote: 'concurrent: 2 calls overlapped in turn 1' }))
    expect(bars(record!)).toEqual([
      { kind: 'model', name: 'gpt-test', turn: 1, startMs: 10, endMs: 50, critical: true },
      { kind: 'tool', name: 'search', turn: 1, startMs: 60, endMs: 250, critical: false },
      { kind: 'tool', name: 'lookup', turn: 1, startMs: 60, endMs: 400, critical: true },
    ])
    expect(ganttSpansOf([record!]).find((s) => s.name === 'search')).toMatchObject({ args: { q: 'x' }, output: 'search done' })
    expect(record!.input.text).toBe('Find two things')
  })

  it('keeps going through parent ids that loop, point nowhere or point at themselves', () => {
    const { resourceSpans } = runToOtlp(sampleCityRecord()) as unknown as { resourceSpans: { scopeSpans: { spans: Json[] }[] }[] }
    const spans = resourceSpans[0]!.scopeSpans[0]!.spans
    // root -> last -> root: a loop; one span its own parent; one with a parent that does not exist.
    spans[0]!['parentSpanId'] = spans.at(-1)!['spanId']
    spans[1]!['parentSpanId'] = spans[1]!['spanId']
    spans[2]!['parentSpanId'] = 'ffffffffffffffff'
    const result = runsFromOtlp({ resourceSpans })
    expect(result.ok).toBe(true)
    expect(result.ok && result.records.flatMap((r) => ganttSpansOf([r])).length).toBe(ganttSpansOf([sampleCityRecord()]).length)
  })

  it('explains files that are not traces, and traces without agent spans', () => {
    expect(runsFromOtlp({ hello: 'world' })).toEqual({ ok: false, error: expect.stringContaining('not a trace Lanes can read') })
    expect(runsFromOtlp(42)).toMatchObject({ ok: false })
    expect(runsFromOtlp({ resourceSpans: [] })).toEqual({ ok: false, error: 'This trace has no spans.' })
    const http = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'a', spanId: 'b', name: 'GET /', startTimeUnixNano: '1', endTimeUnixNano: '2' }] }] }] }
    expect(runsFromOtlp(http)).toEqual({ ok: false, error: expect.stringContaining('1 span but no agent spans') })
  })

  it('keeps opening the imported-run link fixture of this version', async () => {
    const decoded = await decodeFragment(readFileSync(new URL('./fixtures/v1-imported-run.txt', import.meta.url), 'utf8').trim())
    expect(decoded.ok && decoded.kind === 'run' && decoded.record.imported).toEqual(expect.objectContaining({ framework: 'strands', executorNote: 'concurrent: 3 calls overlapped in turn 1' }))
    expect(decoded.ok && decoded.kind === 'run' && decoded.record.config.tools).toEqual(['get_weather', 'get_time', 'get_population'])
  })
})

describe('runToOtlp', () => {
  const attrs = (span: Json): Record<string, unknown> => Object.fromEntries((span['attributes'] as { key: string; value: Json }[]).map((a) => [a.key, Object.values(a.value)[0]]))
  const spansOf = (otlp: unknown): Json[] => (otlp as { resourceSpans: { scopeSpans: { spans: Json[] }[] }[] }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))

  it('writes the GenAI conventions: invoke_agent, chat and execute_tool spans with names, call ids and usage', () => {
    const record = sampleCityRecord()
    const spans = spansOf(runToOtlp(record))
    const ops = spans.map((s) => attrs(s)['gen_ai.operation.name'])
    expect(ops[0]).toBe('invoke_agent')
    expect(ops.filter((op) => op === 'chat').length).toBe(2)
    expect(ops.filter((op) => op === 'execute_tool').length).toBe(3)
    const tool = spans.find((s) => attrs(s)['gen_ai.tool.name'] === 'get_weather')!
    expect(tool['name']).toBe('execute_tool get_weather')
    expect(attrs(tool)['gen_ai.tool.call.id']).toMatch(/^call_/)
    expect(tool['parentSpanId']).toBe(spans[0]!['spanId'])
    expect(String(tool['startTimeUnixNano'])).toMatch(/^\d{19}$/)
    const chat = spans.find((s) => attrs(s)['gen_ai.operation.name'] === 'chat')!
    expect(attrs(chat)).toMatchObject({ 'gen_ai.request.model': expect.any(String), 'gen_ai.usage.input_tokens': expect.any(Number), 'gen_ai.usage.output_tokens': expect.any(Number) })
    expect(new Set(spans.map((s) => s['traceId'])).size).toBe(1)
    expect(new Set(spans.map((s) => s['spanId'])).size).toBe(spans.length)
  })

  it('never writes a key, and writes one trace per run of a comparison', () => {
    const record = sampleCityRecord()
    Object.assign(record.config, { apiKey: 'sk-abcdefghijklmnopqrstuvwxyz123' })
    const end = record.events.find((e) => e.type === 'tool-end')
    if (end?.type === 'tool-end') end.output = 'token sk-abcdefghijklmnopqrstuvwxyz123'
    const text = JSON.stringify(runsToOtlp([record, { ...sampleCityRecord(7), id: 'another-run' }]))
    expect(text).not.toContain('sk-abcdefghijklmnopqrstuvwxyz123')
    expect(new Set(spansOf(JSON.parse(text)).map((s) => s['traceId'])).size).toBe(2)
  })
})

describe('trace files', () => {
  it('parse as JSON or JSON Lines, are told apart from other JSON by content, and have a size limit', () => {
    expect(parseTraceText('{"resourceSpans":[]}')).toEqual({ ok: true, json: { resourceSpans: [] } })
    expect(parseTraceText('{"resourceSpans":[]}\n{"resourceSpans":[]}\n')).toEqual({ ok: true, json: [{ resourceSpans: [] }, { resourceSpans: [] }] })
    expect(parseTraceText('')).toMatchObject({ ok: false })
    expect(parseTraceText('{"a":')).toEqual({ ok: false, error: expect.stringContaining('not JSON') })
    expect(looksLikeTrace('{"resourceSpans": [')).toBe(true)
    expect(looksLikeTrace('{"data":[{"traceID":"1","spans":[{"traceID":"1","spanID":"2"')).toBe(true)
    expect(looksLikeTrace('{"format":"lanes-runs","runs":[]}')).toBe(false)
    expect(looksLikeTrace('%PDF-1.7 "resourceSpans":')).toBe(false)
    expect(traceSizeError(MAX_TRACE_BYTES)).toBeUndefined()
    expect(traceSizeError(50 * 1024 * 1024)).toMatch(/50\.0 MB, over the 40\.0 MB/)
  })
})
