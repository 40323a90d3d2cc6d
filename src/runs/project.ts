// What-if re-timing: replay a recorded run as if each turn's tool calls had run under another
// executor, from the recorded tool durations. No model or tool is called.
import { executorLabel, executorLimit, parseExecutor } from '../core/index.ts'
import type { AgentEvent } from '../core/index.ts'
import type { RunRecord } from './types.ts'

/** An executor label as records store it. */
export type ExecutorLabel = 'concurrent' | 'sequential' | `concurrency:${number}`

type ToolEvent = Extract<AgentEvent, { type: 'tool-start' | 'tool-progress' | 'tool-end' }>

function isToolEvent(event: AgentEvent): event is ToolEvent {
  return event.type === 'tool-start' || event.type === 'tool-progress' || event.type === 'tool-end'
}

/** A min-heap of slot free times: list scheduling in call order, as the executors do. */
class Slots {
  private readonly heap: number[] = []
  constructor(private readonly limit: number) {}

  /** Take the earliest free slot (or a new one under the limit) and return when it is free. */
  take(ready: number): number {
    if (this.heap.length < this.limit) return ready
    const earliest = this.heap[0]!
    const last = this.heap.pop()!
    if (this.heap.length) { this.heap[0] = last; this.down(0) }
    return Math.max(ready, earliest)
  }

  release(at: number): void {
    const heap = this.heap
    heap.push(at)
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1
      if (heap[parent]! <= heap[i]!) break
      ;[heap[parent], heap[i]] = [heap[i]!, heap[parent]!]
      i = parent
    }
  }

  private down(i: number): void {
    const heap = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && heap[l]! < heap[m]!) m = l
      if (r < heap.length && heap[r]! < heap[m]!) m = r
      if (m === i) return
      ;[heap[m], heap[i]] = [heap[i]!, heap[m]!]
      i = m
    }
  }
}

interface Retimed { event: AgentEvent; rank: number; index: number }

/**
 * Re-time one contiguous tool phase. Returns the phase's events in their new order and how far
 * the phase's end moved (later events shift by it).
 */
function retimePhase(phase: readonly ToolEvent[], offset: number, limit: number, spans: Map<string, [number, number]>): { events: AgentEvent[]; offset: number } {
  const starts = new Map<string, number>()
  const ends = new Map<string, number>()
  const order: string[] = []
  let oldEnd = 0
  for (const event of phase) {
    if (event.t > oldEnd) oldEnd = event.t
    if (event.type === 'tool-start' && !starts.has(event.callId)) { starts.set(event.callId, event.t); order.push(event.callId) }
    if (event.type === 'tool-end') ends.set(event.callId, event.t)
  }
  const phaseStart = starts.get(order[0] ?? '') ?? phase[0]?.t ?? 0
  const slots = new Slots(limit)
  const shiftOf = new Map<string, number>()
  let newEnd = phaseStart + offset
  for (const id of order) {
    const oldStart = starts.get(id)!
    const duration = (ends.get(id) ?? oldEnd) - oldStart
    const newStart = slots.take(phaseStart + offset)
    const end = newStart + duration
    slots.release(end)
    shiftOf.set(id, newStart - oldStart)
    spans.set(id, [newStart, end])
    if (end > newEnd) newEnd = end
  }
  const retimed: Retimed[] = phase.map((event, index) => {
    const t = round(event.t + (shiftOf.get(event.callId) ?? offset))
    const zeroLength = event.type === 'tool-end' && spans.get(event.callId)?.[0] === t
    const rank = event.type === 'tool-end' ? (zeroLength ? 3 : 0) : event.type === 'tool-start' ? 1 : 2
    return { event: { ...event, t }, rank, index }
  })
  retimed.sort((a, b) => a.event.t - b.event.t || a.rank - b.rank || a.index - b.index)
  return { events: retimed.map((item) => item.event), offset: newEnd - oldEnd }
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000
}

/**
 * The record re-timed as if each turn's tool calls had run under `executor` ('concurrent',
 * 'sequential' or 'concurrency:N'): tools keep their recorded durations and progress offsets,
 * model calls keep theirs, and everything after a tool phase shifts by how much it moved.
 */
export function projectExecutor(record: RunRecord, executor: ExecutorLabel): RunRecord {
  const label = executorLabel(parseExecutor(executor))
  const limit = executorLimit(parseExecutor(executor))
  const spans = new Map<string, [number, number]>()
  const events: AgentEvent[] = []
  let offset = 0
  const source = record.events
  for (let i = 0; i < source.length;) {
    const event = source[i]!
    if (isToolEvent(event)) {
      const phase: ToolEvent[] = []
      for (let next = source[i]; next && isToolEvent(next); next = source[++i]) phase.push(next)
      const result = retimePhase(phase, offset, limit, spans)
      for (const item of result.events) events.push(item)
      offset = result.offset
      continue
    }
    i++
    const t = round(event.t + offset)
    if (event.type === 'run-start') events.push({ ...event, t, executor: label })
    else if (event.type === 'run-end') {
      const toolCalls = event.result.toolCalls.map((call) => {
        const span = spans.get(call.id)
        return span ? { ...call, startT: round(span[0]), endT: round(span[1]) } : { ...call, startT: round(call.startT + offset), endT: round(call.endT + offset) }
      })
      events.push({ ...event, t, result: { ...event.result, durationMs: t, toolCalls } })
    } else events.push({ ...event, t })
  }
  const base = record.label ?? record.config.executor
  return {
    ...record,
    id: `${record.id}~${label}`,
    label: `${base.replace(/ \(projected\)$/, '')} → ${label} (projected)`,
    config: { ...record.config, executor: label },
    events,
    projected: true,
  }
}
