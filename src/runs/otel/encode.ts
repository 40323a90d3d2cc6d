// A Lanes run -> OTLP/JSON in the OpenTelemetry GenAI conventions: one invoke_agent span, a chat
// span per model call and an execute_tool span per tool call, with OpenInference span kinds and
// input/output values beside them (for Phoenix). The record is made shareable first, so no key
// can leave in it.
import type { AgentEvent, Usage } from '../../core/index.ts'
import { ganttSpansOf } from '../gantt.ts'
import { toShareable } from '../record.ts'
import type { GanttSpan, RunRecord } from '../types.ts'

type OtlpValue = { stringValue: string } | { intValue: number } | { doubleValue: number } | { boolValue: boolean } | { arrayValue: { values: OtlpValue[] } }
interface OtlpAttribute { key: string; value: OtlpValue }
interface OtlpEvent { name: string; timeUnixNano: string; attributes: OtlpAttribute[] }
interface OtlpSpan {
  traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number
  startTimeUnixNano: string; endTimeUnixNano: string; attributes: OtlpAttribute[]; events: OtlpEvent[]
  status: { code: number; message?: string }
}

/** OTLP/JSON as an OTLP/HTTP body or a Collector file line: `{ resourceSpans: [...] }`. */
export interface OtlpTrace {
  resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { scope: { name: string; version: string }; spans: OtlpSpan[] }[] }[]
}

const KIND_INTERNAL = 1
const KIND_CLIENT = 3

function value(v: string | number | boolean | string[]): OtlpValue {
  if (Array.isArray(v)) return { arrayValue: { values: v.map((item) => ({ stringValue: item })) } }
  if (typeof v === 'string') return { stringValue: v }
  if (typeof v === 'boolean') return { boolValue: v }
  return Number.isInteger(v) ? { intValue: v } : { doubleValue: v }
}

function attributes(entries: Record<string, string | number | boolean | string[] | undefined>): OtlpAttribute[] {
  return Object.entries(entries).flatMap(([key, v]) => (v === undefined ? [] : [{ key, value: value(v) }]))
}

/** Hex ids from a string (FNV-1a with a salt per 8 hex digits): the same run exports the same ids. */
function hexId(seed: string, chars: 16 | 32): string {
  let out = ''
  for (let salt = 0; out.length < chars; salt++) {
    let h = 0x811c9dc5 ^ salt
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193)
    out += ((h >>> 0) || 1).toString(16).padStart(8, '0')
  }
  return out.slice(0, chars)
}

/** Epoch nanoseconds as a decimal string, exact to the microsecond (beyond 2^53 as a number). */
function nanos(baseMs: number, tMs: number): string {
  const us = Math.max(0, Math.round(baseMs * 1000 + tMs * 1000))
  return us === 0 ? '0' : `${us}000`
}

const messages = (role: string, text: string, finish?: string): string =>
  JSON.stringify([{ role, parts: [{ type: 'text', content: text }], ...(finish !== undefined ? { finish_reason: finish } : {}) }])

/** Per turn: the model's text and usage (from its events). */
function turnsOf(events: readonly AgentEvent[]): Map<number, { text: string; usage?: Usage }> {
  const out = new Map<number, { text: string; usage?: Usage }>()
  const at = (turn: number): { text: string; usage?: Usage } => {
    let entry = out.get(turn)
    if (!entry) { entry = { text: '' }; out.set(turn, entry) }
    return entry
  }
  for (const event of events) {
    if (event.type === 'text-delta') at(event.turn).text += event.text
    if (event.type === 'model-end' && event.usage) at(event.turn).usage = event.usage
  }
  return out
}

function progressEvents(record: RunRecord, span: GanttSpan, baseMs: number): OtlpEvent[] {
  const out: OtlpEvent[] = []
  for (const event of record.events) {
    if (event.type !== 'tool-progress' || event.callId !== span.callId) continue
    const p = event.progress
    const fields = typeof p === 'string' ? { message: p } : { message: p.message, fraction: p.fraction }
    out.push({ name: 'gen_ai.tool.progress', timeUnixNano: nanos(baseMs, event.t), attributes: attributes({ ...fields, 'lanes.progress': JSON.stringify(p) }) })
  }
  return out
}

/** The OTLP/JSON of one run, in the GenAI conventions. Keys never leave: the record is scrubbed first. */
export function runToOtlp(input: RunRecord): OtlpTrace {
  const record = toShareable(input, { inlineThumbnails: false })
  const parsed = Date.parse(record.createdAt)
  const baseMs = Number.isFinite(parsed) ? parsed : 0
  const traceId = hexId(`trace/${record.id}`, 32)
  const rootId = hexId(`span/${record.id}/root`, 16)
  const end = record.events.at(-1)
  const result = end?.type === 'run-end' ? end.result : undefined
  const label = record.label ?? record.config.executor
  const perTurn = turnsOf(record.events)
  const spans: OtlpSpan[] = []
  for (const bar of ganttSpansOf([{ record, label }])) {
    const base = { traceId, spanId: hexId(`span/${record.id}/${bar.key.slice(label.length)}`, 16), parentSpanId: rootId, startTimeUnixNano: nanos(baseMs, bar.startMs), endTimeUnixNano: nanos(baseMs, bar.endMs) }
    if (bar.kind === 'model') {
      const turn = perTurn.get(bar.turn)
      spans.push({
        ...base, name: `chat ${bar.name}`, kind: KIND_CLIENT,
        attributes: attributes({
          'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': record.config.provider, 'gen_ai.request.model': bar.name, 'gen_ai.response.model': bar.name,
          'gen_ai.response.finish_reasons': bar.status !== undefined ? [bar.status] : undefined,
          'gen_ai.usage.input_tokens': turn?.usage?.inputTokens, 'gen_ai.usage.output_tokens': turn?.usage?.outputTokens,
          'gen_ai.output.messages': turn?.text ? messages('assistant', turn.text, bar.status) : undefined,
          'openinference.span.kind': 'LLM', 'llm.model_name': bar.name, 'llm.token_count.prompt': turn?.usage?.inputTokens, 'llm.token_count.completion': turn?.usage?.outputTokens,
          'lanes.turn': bar.turn,
        }),
        events: bar.ttftMs !== undefined ? [{ name: 'gen_ai.first_token', timeUnixNano: nanos(baseMs, bar.ttftMs), attributes: [] }] : [],
        status: { code: 0 },
      })
      continue
    }
    const failed = bar.status !== 'ok' && bar.status !== 'running'
    spans.push({
      ...base, name: `execute_tool ${bar.name}`, kind: KIND_INTERNAL,
      attributes: attributes({
        'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': bar.name, 'gen_ai.tool.call.id': bar.callId, 'gen_ai.tool.type': 'function',
        'gen_ai.tool.call.arguments': JSON.stringify(bar.args ?? {}), 'gen_ai.tool.call.result': bar.output,
        'error.type': failed ? bar.status : undefined,
        'openinference.span.kind': 'TOOL', 'tool.name': bar.name, 'input.value': JSON.stringify(bar.args ?? {}), 'output.value': bar.output, 'lanes.turn': bar.turn,
      }),
      events: progressEvents(record, bar, baseMs),
      status: failed ? { code: 2, message: `${bar.status}: ${(bar.output ?? '').slice(0, 200)}` } : { code: 0 },
    })
  }
  const failed = result?.stopReason === 'error'
  spans.unshift({
    traceId, spanId: rootId, name: 'invoke_agent lanes', kind: KIND_INTERNAL,
    startTimeUnixNano: nanos(baseMs, 0), endTimeUnixNano: nanos(baseMs, end?.t ?? 0),
    attributes: attributes({
      'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'lanes', 'gen_ai.provider.name': record.config.provider, 'gen_ai.request.model': record.config.model,
      'gen_ai.input.messages': messages('user', record.input.text), 'gen_ai.output.messages': result ? messages('assistant', result.text) : undefined,
      'gen_ai.usage.input_tokens': result?.usage.inputTokens, 'gen_ai.usage.output_tokens': result?.usage.outputTokens,
      'openinference.span.kind': 'AGENT', 'input.value': record.input.text, 'output.value': result?.text,
      // An executor inferred from another framework's trace is not one Lanes recorded.
      'lanes.executor': record.imported?.executorInferred ? undefined : record.config.executor, 'lanes.run.id': record.id, 'lanes.label': record.label, 'lanes.title': record.title,
      'lanes.projected': record.projected, 'lanes.imported_from': record.imported?.framework,
    }),
    events: [],
    status: failed ? { code: 2, message: result?.error?.message ?? 'error' } : { code: 0 },
  })
  return {
    resourceSpans: [{
      resource: { attributes: attributes({ 'service.name': 'lanes', 'telemetry.sdk.name': 'lanes' }) },
      scopeSpans: [{ scope: { name: 'lanes', version: '0.1.0' }, spans }],
    }],
  }
}

/** Several runs (a comparison) in one OTLP/JSON body, each its own trace. */
export function runsToOtlp(records: readonly RunRecord[]): OtlpTrace {
  return { resourceSpans: records.flatMap((record) => runToOtlp(record).resourceSpans) }
}
