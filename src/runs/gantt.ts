// Gantt spans of one or more runs on one time axis, with the critical path marked. One pass over
// each record's events plus a walk back along recorded "waited on" links: linear time.
import type { RunRecord, GanttSpan } from './types.ts'

/** A record with the label its lane shows. */
export interface LabelledRecord {
  record: RunRecord
  label: string
}

/** Options of ganttSpansOf. */
export interface GanttOptions {
  /**
   * For a live run: where its unfinished spans end (ms since its start). Defaults to the time of
   * its last event.
   */
  liveEndMs?: number
}

interface TurnPhase {
  model?: GanttSpan
  /** Tool spans of the turn with, for each, the span whose end let it start (a freed slot). */
  tools: { span: GanttSpan; cause: GanttSpan | undefined }[]
  lastEnded: GanttSpan | undefined
}

/** Lanes need distinct labels (span keys start with them): a repeated label gets " (2)", … */
function labelled(input: readonly LabelledRecord[] | readonly RunRecord[]): LabelledRecord[] {
  const used = new Set<string>()
  return input.map((item, i): LabelledRecord => {
    const base = 'record' in item ? item : { record: item, label: item.label ?? `run ${i + 1}` }
    let label = base.label
    for (let n = 2; used.has(label); n++) label = `${base.label} (${n})`
    used.add(label)
    return label === base.label ? base : { record: base.record, label }
  })
}

/** The spans of one labelled record, in the order they started. */
function spansOfRun({ record, label }: LabelledRecord, options: GanttOptions): GanttSpan[] {
  const spans: GanttSpan[] = []
  const byCall = new Map<string, GanttSpan>()
  const turns = new Map<number, TurnPhase>()
  const phaseOf = (turn: number): TurnPhase => {
    let phase = turns.get(turn)
    if (!phase) { phase = { tools: [], lastEnded: undefined }; turns.set(turn, phase) }
    return phase
  }
  let modelName = 'model'
  // Under an unlimited executor no tool waits for a slot, whatever order the events came in.
  let unlimited = record.config.executor === 'concurrent'
  let lastT = 0
  let ended = false
  for (const event of record.events) {
    if (event.t > lastT) lastT = event.t
    switch (event.type) {
      case 'run-start': modelName = event.model || 'model'; unlimited = event.executor === 'concurrent'; break
      case 'model-fallback': modelName = event.to; break
      case 'model-retry': {
        const span = turns.get(event.turn)?.model
        if (span) (span.retries ??= []).push({ startMs: event.t, endMs: event.t + event.delayMs, attempt: event.attempt, model: event.model, reason: event.reason })
        break
      }
      case 'model-start': {
        const span: GanttSpan = { run: label, kind: 'model', name: modelName, key: `${label}/model/${event.turn}`, turn: event.turn, startMs: event.t, endMs: event.t, running: true, critical: false }
        phaseOf(event.turn).model = span
        spans.push(span)
        break
      }
      case 'text-delta': {
        const span = turns.get(event.turn)?.model
        if (span && span.ttftMs === undefined) span.ttftMs = event.t
        break
      }
      case 'reasoning-delta': {
        // The thinking part of the bar: from its start to the latest thought.
        const span = turns.get(event.turn)?.model
        if (!span) break
        if (span.firstThoughtMs === undefined) span.firstThoughtMs = event.t
        if (span.thinkingEndMs === undefined || event.t > span.thinkingEndMs) span.thinkingEndMs = event.t
        break
      }
      case 'model-end': {
        const span = turns.get(event.turn)?.model
        if (span) { span.endMs = event.t; span.running = false; span.name = modelName; span.status = event.finish }
        break
      }
      case 'tool-start': {
        if (byCall.has(event.callId)) break
        const phase = phaseOf(event.turn)
        const span: GanttSpan = { run: label, kind: 'tool', name: event.name, key: `${label}/${event.callId}`, turn: event.turn, callId: event.callId, startMs: event.t, endMs: event.t, running: true, ticks: [], status: 'running', args: event.args, critical: false }
        phase.tools.push({ span, cause: unlimited ? undefined : phase.lastEnded })
        byCall.set(event.callId, span)
        spans.push(span)
        break
      }
      case 'tool-progress': byCall.get(event.callId)?.ticks?.push(event.t); break
      case 'tool-end': {
        const span = byCall.get(event.callId)
        if (!span || !span.running) break
        span.endMs = event.t
        span.running = false
        span.status = event.status
        span.output = event.output
        phaseOf(span.turn).lastEnded = span
        break
      }
      case 'run-end': ended = true; break
      default: break
    }
  }
  const liveEnd = ended ? lastT : Math.max(lastT, options.liveEndMs ?? lastT)
  for (const span of spans) {
    if (span.running) span.endMs = Math.max(span.startMs, liveEnd)
    // A wait cut short (Stop, or the run ended) ends with its bar.
    for (const retry of span.retries ?? []) retry.endMs = Math.min(retry.endMs, span.endMs)
  }
  markCritical(turns)
  return spans
}

/**
 * Mark what the wall time waited on: each turn's model call, then the tool that ended last in
 * that turn, then the tool whose end freed its slot, and so on back to the phase's first start.
 * Under `concurrent` that is one tool per turn; under `sequential`, every tool.
 */
function markCritical(turns: ReadonlyMap<number, TurnPhase>): void {
  for (const phase of turns.values()) {
    if (phase.model) phase.model.critical = true
    let last: { span: GanttSpan; cause: GanttSpan | undefined } | undefined
    const causeOf = new Map<GanttSpan, GanttSpan | undefined>()
    for (const entry of phase.tools) {
      causeOf.set(entry.span, entry.cause)
      if (!last || entry.span.endMs > last.span.endMs || (entry.span.endMs === last.span.endMs && entry.span.running)) last = entry
    }
    let cursor: GanttSpan | undefined = last?.span
    while (cursor && !cursor.critical) {
      cursor.critical = true
      cursor = causeOf.get(cursor)
    }
  }
}

/**
 * Gantt spans of several runs: a model span per model call (with its first-token mark and, when it
 * thought, its first thought and the end of its thinking, which splits the bar; its retries' backoff
 * waits), a tool
 * span per tool call (progress ticks, status), unfinished spans marked running, and the critical
 * path of each run. Lanes keep each run's own time axis (ms since its start).
 */
export function ganttSpansOf(input: readonly LabelledRecord[] | readonly RunRecord[], options: GanttOptions = {}): GanttSpan[] {
  const out: GanttSpan[] = []
  for (const item of labelled(input)) for (const span of spansOfRun(item, options)) out.push(span)
  return out
}
