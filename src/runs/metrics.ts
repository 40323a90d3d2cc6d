// Run metrics: one linear pass over the events. Unfinished calls (a live or interrupted run)
// count up to the last event seen, so the numbers grow smoothly while a run streams.
import type { AgentEvent } from '../core/index.ts'
import { TokenRate } from './token-rate.ts'
import type { RunMetrics } from './types.ts'

/** The length of the union of intervals given in order of start time. */
export function unionLength(intervals: readonly (readonly [number, number])[]): number {
  let total = 0
  let curStart = Number.NaN
  let curEnd = Number.NaN
  for (const [start, end] of intervals) {
    if (Number.isNaN(curStart) || start > curEnd) {
      if (!Number.isNaN(curStart)) total += curEnd - curStart
      curStart = start
      curEnd = end
    } else if (end > curEnd) curEnd = end
  }
  if (!Number.isNaN(curStart)) total += curEnd - curStart
  return total
}

/** Makespan, TTFT, token rate, model and tool time, tool-phase wall time and overlap of a run. */
export function metricsOf(events: readonly AgentEvent[]): RunMetrics {
  const rate = new TokenRate()
  const toolStarts = new Map<string, number>()
  const toolIntervals: [number, number][] = []
  const modelStarts = new Map<number, number>()
  let lastT = 0
  let endT: number | undefined
  let ttftMs: number | undefined
  let modelTimeMs = 0
  let inputTokens = 0
  let outputTokens = 0
  let turns = 0
  let routed = 0
  let resultUsage: { inputTokens: number; outputTokens: number } | undefined

  for (const event of events) {
    if (event.t > lastT) lastT = event.t
    switch (event.type) {
      case 'turn-start': turns++; break
      case 'model-start': modelStarts.set(event.turn, event.t); rate.modelStart(); break
      case 'text-delta':
        if (ttftMs === undefined) ttftMs = event.t
        rate.delta(event.t)
        break
      case 'model-end': {
        const start = modelStarts.get(event.turn)
        if (start !== undefined) { modelTimeMs += event.t - start; modelStarts.delete(event.turn) }
        if (event.usage) { inputTokens += event.usage.inputTokens; outputTokens += event.usage.outputTokens }
        rate.modelEnd(event.t, event.usage?.outputTokens)
        break
      }
      case 'tool-start':
        if (!toolStarts.has(event.callId)) {
          toolStarts.set(event.callId, toolIntervals.length)
          toolIntervals.push([event.t, Number.NaN])
        }
        break
      case 'tool-end': {
        const index = toolStarts.get(event.callId)
        const interval = index === undefined ? undefined : toolIntervals[index]
        if (interval && Number.isNaN(interval[1])) interval[1] = event.t
        break
      }
      case 'run-end':
        endT = event.t
        resultUsage = event.result.usage
        routed = event.result.toolCalls.filter((call) => call.status === 'routed').length
        break
      default: break
    }
  }
  const stop = endT ?? lastT
  for (const start of modelStarts.values()) modelTimeMs += stop - start
  let toolTimeMs = 0
  for (const interval of toolIntervals) {
    if (Number.isNaN(interval[1])) interval[1] = stop
    toolTimeMs += interval[1] - interval[0]
  }
  const toolPhaseMs = unionLength(toolIntervals)
  const tokensPerSecond = rate.perSecond(stop)
  const metrics: RunMetrics = {
    makespanMs: stop,
    outputTokens: resultUsage?.outputTokens ?? outputTokens,
    inputTokens: resultUsage?.inputTokens ?? inputTokens,
    modelTimeMs,
    toolTimeMs,
    toolPhaseMs,
    overlap: toolPhaseMs > 0 ? toolTimeMs / toolPhaseMs : 0,
    toolCalls: toolIntervals.length + routed,
    turns,
  }
  if (ttftMs !== undefined) metrics.ttftMs = ttftMs
  if (tokensPerSecond !== undefined) metrics.tokensPerSecond = tokensPerSecond
  return metrics
}
