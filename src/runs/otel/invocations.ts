// Spans -> agent invocations: each top-level agent span (or, for a trace without agent spans, each
// trace with model or tool spans) with its model calls, tool calls and cycles, in turns. Parent
// links come from untrusted files: they may point nowhere or form cycles, so every walk is
// iterative, cut at a cycle, and linear overall.
import { roleOf, type SpanRole } from './conventions.ts'
import type { TraceSpan } from './decode.ts'

/** One agent invocation: its root (undefined when the trace has no agent span) and its parts. */
export interface Invocation {
  root: TraceSpan | undefined
  traceId: string
  models: TraceSpan[]
  tools: TraceSpan[]
  /** Turn of each model and tool span, from 1. */
  turnOf: Map<TraceSpan, number>
  turns: number
  /** The nearest model span above a tool (the AI SDK runs tools inside the model call's span). */
  modelAbove: Map<TraceSpan, TraceSpan>
}

/**
 * For each span, the nearest strict ancestor for which `is` holds (-1: none). Parent chains are
 * walked once each; a chain that loops is cut where it meets itself.
 */
function nearestAbove(parents: Int32Array, is: (i: number) => boolean): Int32Array {
  const out = new Int32Array(parents.length).fill(-1)
  const state = new Uint8Array(parents.length) // 0 unseen, 1 on the current path, 2 done
  const path: number[] = []
  for (let i = 0; i < parents.length; i++) {
    if (state[i] === 2) continue
    let j = i
    while (j >= 0 && state[j] === 0) {
      state[j] = 1
      path.push(j)
      j = parents[j]!
    }
    let above = j < 0 || state[j] === 1 ? -1 : is(j) ? j : out[j]!
    while (path.length) {
      const k = path.pop()!
      out[k] = above
      state[k] = 2
      if (is(k)) above = k
    }
  }
  return out
}

/** The topmost of each chain of `above` links (which never loop: they point to spans seen earlier). */
function topmost(above: Int32Array, i: number, memo: Int32Array): number {
  const path: number[] = []
  let j = i
  while (memo[j] === -2 && above[j]! >= 0) {
    path.push(j)
    j = above[j]!
  }
  const top = memo[j] === -2 ? j : memo[j]!
  memo[j] = top
  for (const k of path) memo[k] = top
  return top
}

/** Number turns 1.. from cycles (Strands) when each cycle holds one model call, else from model order. */
function numberTurns(inv: Invocation, cycleOf: Map<TraceSpan, TraceSpan>): void {
  const byStart = (a: TraceSpan, b: TraceSpan): number => a.startUs - b.startUs
  inv.models.sort(byStart)
  inv.tools.sort(byStart)
  const cycles = [...new Set([...inv.models, ...inv.tools].flatMap((span) => cycleOf.get(span) ?? []))].sort(byStart)
  const modelsPerCycle = new Map<TraceSpan, number>()
  for (const model of inv.models) {
    const cycle = cycleOf.get(model)
    if (cycle) modelsPerCycle.set(cycle, (modelsPerCycle.get(cycle) ?? 0) + 1)
  }
  const byCycle = cycles.length > 0 && [...modelsPerCycle.values()].every((n) => n <= 1) && inv.models.every((m) => cycleOf.has(m))
  const raw = new Map<TraceSpan, number>()
  if (byCycle) {
    const index = new Map(cycles.map((cycle, i) => [cycle, i + 1]))
    for (const span of [...inv.models, ...inv.tools]) {
      const cycle = cycleOf.get(span)
      raw.set(span, cycle ? index.get(cycle)! : 0)
    }
  }
  inv.models.forEach((model, i) => { if (!byCycle) raw.set(model, i + 1) })
  let m = 0
  for (const tool of inv.tools) {
    if (raw.has(tool) && raw.get(tool)! > 0) continue
    const parentModel = inv.modelAbove.get(tool)
    if (parentModel && raw.has(parentModel)) { raw.set(tool, raw.get(parentModel)!); continue }
    // The latest model call that started before the tool asked for it.
    while (m + 1 < inv.models.length && inv.models[m + 1]!.startUs <= tool.startUs) m++
    const model = inv.models[m]
    raw.set(tool, model && model.startUs <= tool.startUs ? raw.get(model) ?? 1 : raw.get(inv.models[0] ?? tool) ?? 1)
  }
  // Renumber the turns that hold something as 1, 2, 3…
  const used = [...new Set(raw.values())].sort((a, b) => a - b)
  const renumber = new Map(used.map((turn, i) => [turn, i + 1]))
  for (const [span, turn] of raw) inv.turnOf.set(span, renumber.get(turn) ?? 1)
  inv.turns = used.length
}

/** Group spans into agent invocations, in the order their roots started. */
export function invocationsOf(spans: readonly TraceSpan[]): Invocation[] {
  const roles: SpanRole[] = spans.map(roleOf)
  const index = new Map<string, number>()
  spans.forEach((span, i) => index.set(`${span.traceId}/${span.spanId}`, i))
  const parents = new Int32Array(spans.length)
  spans.forEach((span, i) => {
    const parent = span.parentId === undefined ? undefined : index.get(`${span.traceId}/${span.parentId}`)
    parents[i] = parent === undefined || parent === i ? -1 : parent
  })
  const agentAbove = nearestAbove(parents, (i) => roles[i] === 'agent')
  const cycleAbove = nearestAbove(parents, (i) => roles[i] === 'cycle')
  const modelAbove = nearestAbove(parents, (i) => roles[i] === 'model')
  const memo = new Int32Array(spans.length).fill(-2)
  const byKey = new Map<string, Invocation>()
  const cycleOf = new Map<TraceSpan, TraceSpan>()
  const invocationFor = (i: number): Invocation => {
    const span = spans[i]!
    const agent = roles[i] === 'agent' ? i : agentAbove[i]!
    const root = agent < 0 ? -1 : topmost(agentAbove, agent, memo)
    const key = root < 0 ? `trace:${span.traceId}` : `span:${root}`
    let inv = byKey.get(key)
    if (!inv) {
      inv = { root: root < 0 ? undefined : spans[root], traceId: span.traceId, models: [], tools: [], turnOf: new Map(), turns: 0, modelAbove: new Map() }
      byKey.set(key, inv)
    }
    return inv
  }
  spans.forEach((span, i) => {
    const role = roles[i]
    if (role !== 'model' && role !== 'tool') return
    const inv = invocationFor(i)
    ;(role === 'model' ? inv.models : inv.tools).push(span)
    if (cycleAbove[i]! >= 0) cycleOf.set(span, spans[cycleAbove[i]!]!)
    if (role === 'tool' && modelAbove[i]! >= 0) inv.modelAbove.set(span, spans[modelAbove[i]!]!)
  })
  const out = [...byKey.values()]
  for (const inv of out) numberTurns(inv, cycleOf)
  const startOf = (inv: Invocation): number => inv.root?.startUs ?? Math.min(inv.models[0]?.startUs ?? Infinity, inv.tools[0]?.startUs ?? Infinity)
  return out.sort((a, b) => startOf(a) - startOf(b))
}
