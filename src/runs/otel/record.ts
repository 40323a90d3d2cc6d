// One agent invocation -> a read-only run record: model calls and tool calls become the agent
// events Lanes records for its own runs, so the Gantt, critical path, timeline, metrics and
// what-if read an imported run like any other. The executor is inferred from how tool calls
// overlapped, unless the trace (written by Lanes) declares it.
import type { AgentEvent, RunResult } from '../../core/index.ts'
import type { ImportedFrom, RunRecord } from '../types.ts'
import {
  agentNameOf, declaredExecutor, finishOf, firstTokenUs, frameworkOf, FRAMEWORK_NAMES, modelNameOf, outputTextOf, progressOf, promptOf, toolCallOf, usageOf,
  type Framework,
} from './conventions.ts'
import type { Invocation } from './invocations.ts'

interface Timed { event: AgentEvent; turn: number; rank: number; seq: number }

// Same-time order: a turn opens, its model runs, tools that end free slots before others start,
// a zero-length tool ends after it starts, and the turn closes last.
const RANK = { 'turn-start': 0, 'model-fallback': 1, 'model-start': 2, 'text-delta': 3, 'model-end': 4, 'tool-end': 5, 'tool-start': 6, 'tool-progress': 7, 'zero-end': 8, 'turn-end': 9 } as const

// OpenTelemetry's JS SDK stamps a span's start with Date.now() (whole milliseconds) and measures
// its end from there with performance.now(): a call that began just as the previous one ended can
// appear to start up to 1 ms before that end. Overlaps that small are the clock, not concurrency.
const CLOCK_US = 1000

/** The most calls that ran at once, per turn, from [start, end] intervals (µs). */
function maxOverlap(intervals: [number, number][]): number {
  const points = intervals.flatMap(([start, end]): [number, number][] => [[start, 1], [Math.max(start, end - CLOCK_US), -1]])
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let now = 0
  let best = 0
  for (const [, delta] of points) best = Math.max(best, (now += delta))
  return best
}

/** The executor, and how it was found. */
function inferExecutor(inv: Invocation, declared: string | undefined): { executor: string; note: string; inferred: boolean } {
  if (declared) return { executor: declared, note: `${declared}: recorded by Lanes`, inferred: false }
  const perTurn = new Map<number, [number, number][]>()
  for (const tool of inv.tools) {
    const turn = inv.turnOf.get(tool) ?? 1
    const list = perTurn.get(turn) ?? []
    list.push([tool.startUs, tool.endUs])
    perTurn.set(turn, list)
  }
  let best = { turn: 0, overlap: 0, calls: 0 }
  for (const [turn, list] of [...perTurn].sort((a, b) => a[0] - b[0])) {
    const overlap = maxOverlap(list)
    if (overlap > best.overlap || (overlap === best.overlap && list.length > best.calls)) best = { turn, overlap, calls: list.length }
  }
  if (best.overlap >= 2) return { executor: 'concurrent', note: `concurrent: ${best.overlap} calls overlapped in turn ${best.turn}`, inferred: true }
  if (best.calls >= 2) return { executor: 'sequential', note: `sequential: the ${best.calls} calls of turn ${best.turn} ran one after another`, inferred: true }
  return { executor: 'concurrent', note: 'unknown: no turn made two tool calls (shown as concurrent)', inferred: true }
}

/** In a sequential run, a call that seems to start within the clock's precision before the previous one ended starts at that end. */
function snapSequential(inv: Invocation): void {
  const lastEnd = new Map<number, number>()
  inv.tools = inv.tools.map((tool) => {
    const turn = inv.turnOf.get(tool) ?? 1
    const previous = lastEnd.get(turn)
    const snapped = previous !== undefined && tool.startUs < previous && previous - tool.startUs <= CLOCK_US ? { ...tool, startUs: Math.min(previous, tool.endUs) } : tool
    if (snapped !== tool) inv.turnOf.set(snapped, turn)
    lastEnd.set(turn, Math.max(previous ?? 0, snapped.endUs))
    return snapped
  })
}

/** A stable id from the trace: the same file imported twice is the same run in history. */
function recordId(inv: Invocation): string {
  const tail = inv.root ? inv.root.spanId : 'trace'
  return `trace-${inv.traceId}-${tail}`.replace(/[^\w-]/g, '').slice(0, 120)
}

/** A text attribute Lanes wrote on the root span of its own export. */
function lanesText(root: Invocation['root'], key: string): string | undefined {
  const value = root?.attrs.get(key)
  return typeof value === 'string' && value ? value.slice(0, 200) : undefined
}

/** The record of one invocation. */
export function recordOf(inv: Invocation, format: 'otlp' | 'jaeger'): RunRecord {
  const all = [...inv.models, ...inv.tools]
  const root = inv.root
  const baseUs = Math.min(root?.startUs ?? Infinity, inv.models[0]?.startUs ?? Infinity, inv.tools[0]?.startUs ?? Infinity)
  const ms = (us: number): number => Math.max(0, Math.round(us - baseUs) / 1000)
  const framework: Framework = frameworkOf(root ?? all[0]!)
  const declared = root ? declaredExecutor(root) : undefined
  const { executor, note, inferred } = inferExecutor(inv, declared)
  if (executor === 'sequential') snapSequential(inv)
  const timed: Timed[] = []
  let seq = 0
  const push = (event: AgentEvent, turn: number, rank: number): void => { timed.push({ event, turn, rank, seq: seq++ }) }

  const firstModel = inv.models[0] ? modelNameOf(inv.models[0]) : undefined
  const modelName = firstModel ?? (root ? modelNameOf(root) : undefined) ?? 'model'
  let current = modelName
  const firstToolStart = new Map<number, number>()
  for (const tool of inv.tools) {
    const turn = inv.turnOf.get(tool) ?? 1
    if (!firstToolStart.has(turn)) firstToolStart.set(turn, tool.startUs)
  }
  const usage = { inputTokens: 0, outputTokens: 0 }
  let lastText = ''
  for (const model of inv.models) {
    const turn = inv.turnOf.get(model) ?? 1
    const name = modelNameOf(model) ?? current
    if (name !== current) { push({ type: 'model-fallback', t: ms(model.startUs), turn, from: current, to: name, reason: 'another model in the trace' }, turn, RANK['model-fallback']); current = name }
    // Tools that run while the model call's span is still open (the AI SDK) end the model bar
    // where they start: Lanes draws the model's part of a turn, then its tools.
    const toolStart = firstToolStart.get(turn)
    const endUs = toolStart !== undefined && toolStart >= model.startUs ? Math.min(model.endUs, toolStart) : model.endUs
    push({ type: 'model-start', t: ms(model.startUs), turn }, turn, RANK['model-start'])
    const text = outputTextOf(model)
    if (text) {
      const at = Math.min(Math.max(firstTokenUs(model) ?? endUs, model.startUs), endUs)
      push({ type: 'text-delta', t: ms(at), turn, text }, turn, RANK['text-delta'])
      lastText = text
    }
    const used = usageOf(model)
    if (used) { usage.inputTokens += used.inputTokens; usage.outputTokens += used.outputTokens }
    push({ type: 'model-end', t: ms(endUs), turn, finish: finishOf(model), ...(used ? { usage: used } : {}) }, turn, RANK['model-end'])
  }
  const toolCalls: RunResult['toolCalls'] = []
  const seenCalls = new Set<string>()
  for (const tool of inv.tools) {
    const turn = inv.turnOf.get(tool) ?? 1
    const call = toolCallOf(tool)
    // Call ids must be unique within a run; a repeated one (a retried span) gets the span id.
    const callId = seenCalls.has(call.callId) ? `${call.callId}#${tool.spanId}` : call.callId
    seenCalls.add(callId)
    const start = ms(tool.startUs)
    const end = ms(tool.endUs)
    push({ type: 'tool-start', t: start, turn, callId, name: call.name, args: call.args }, turn, RANK['tool-start'])
    for (const tick of progressOf(tool)) push({ type: 'tool-progress', t: Math.min(Math.max(ms(tick.timeUs), start), end), callId, progress: tick.progress }, turn, RANK['tool-progress'])
    push({ type: 'tool-end', t: end, callId, name: call.name, status: call.status, output: call.output }, turn, end === start ? RANK['zero-end'] : RANK['tool-end'])
    toolCalls.push({ id: callId, name: call.name, args: call.args, status: call.status, startT: start, endT: end })
  }
  const bounds = new Map<number, [number, number]>()
  for (const span of all) {
    const turn = inv.turnOf.get(span) ?? 1
    const [start, end] = bounds.get(turn) ?? [Infinity, 0]
    bounds.set(turn, [Math.min(start, ms(span.startUs)), Math.max(end, ms(span.endUs))])
  }
  for (const [turn, [start, end]] of bounds) {
    push({ type: 'turn-start', t: start, turn }, turn, RANK['turn-start'])
    push({ type: 'turn-end', t: end, turn }, turn, RANK['turn-end'])
  }
  timed.sort((a, b) => a.turn - b.turn || a.event.t - b.event.t || a.rank - b.rank || a.seq - b.seq)

  // Times never go backwards in a record, whatever the trace's clocks did.
  const events: AgentEvent[] = [{ type: 'run-start', t: 0, runId: recordId(inv), model: modelName, executor }]
  let last = 0
  for (const { event } of timed) {
    last = Math.max(last, event.t)
    events.push(event.t === last ? event : { ...event, t: last })
  }
  const end = Math.max(last, root ? ms(root.endUs) : 0)
  if (!usage.inputTokens && !usage.outputTokens && root) Object.assign(usage, usageOf(root))
  const failed = root?.error === true
  const text = (root ? outputTextOf(root) : '') || lastText
  const lastTool = toolCalls.at(-1)
  const result: RunResult = {
    text, turns: inv.turns, durationMs: end, stopReason: failed ? 'error' : 'done', toolCalls, usage,
    ...(failed ? { error: { name: 'Error', message: root?.statusMessage ?? 'The traced run failed.' } } : {}),
    ...(lastTool ? { lastTool: { name: lastTool.name, args: lastTool.args } } : {}),
  }
  events.push({ type: 'run-end', t: end, result })
  const prompt = root ? promptOf(root) : ''
  const agent = root ? agentNameOf(root) : undefined
  const source = FRAMEWORK_NAMES[framework]
  const imported: ImportedFrom = { framework, format, traceId: inv.traceId.slice(0, 200), executorNote: note, executorInferred: inferred }
  const createdMs = baseUs / 1000
  return {
    v: 1,
    id: recordId(inv),
    createdAt: new Date(Number.isFinite(createdMs) && Math.abs(createdMs) < 8.64e15 ? createdMs : 0).toISOString(),
    title: lanesText(root, 'lanes.title') ?? `${source}: ${agent ?? (prompt.replace(/\s+/g, ' ').trim().slice(0, 50) || 'agent run')}`,
    label: lanesText(root, 'lanes.label') ?? `${agent ?? framework} (imported)`,
    status: 'done',
    config: {
      provider: framework, model: modelName, executor, toolPack: 'imported', tools: [...new Set(toolCalls.map((call) => call.name))],
      maxTurns: Math.max(1, inv.turns), routingOnly: false,
    },
    input: { text: prompt, attachments: [] },
    events,
    imported,
  }
}
