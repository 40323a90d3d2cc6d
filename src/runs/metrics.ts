// Run metrics: one linear pass over the events. Unfinished calls (a live or interrupted run)
// count up to the last event seen, so the numbers grow smoothly while a run streams.
import { addUsage, type AgentEvent, type Usage } from '../core/index.ts'
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

/**
 * Makespan, TTFT, token rate, model and tool time, tool-phase wall time and overlap of a run, and
 * its thinking: first thought, time spent thinking, reasoning and cache tokens.
 */
export function metricsOf(events: readonly AgentEvent[]): RunMetrics {
  const rate = new TokenRate()
  const toolStarts = new Map<string, number>()
  const toolIntervals: [number, number][] = []
  const modelStarts = new Map<number, number>()
  let lastT = 0
  let endT: number | undefined
  let ttftMs: number | undefined
  let modelTimeMs = 0
  const usage: Usage = { inputTokens: 0, outputTokens: 0 }
  let turns = 0
  let routed = 0
  let resultUsage: Usage | undefined
  let firstThoughtMs: number | undefined
  // Per open model call: its start and latest thought; closed calls add to thinkingMs.
  const lastThought = new Map<number, number>()
  let thinkingMs = 0

  for (const event of events) {
    if (event.t > lastT) lastT = event.t
    switch (event.type) {
      case 'turn-start': turns++; break
      case 'model-start': modelStarts.set(event.turn, event.t); rate.modelStart(); break
      case 'text-delta':
        if (ttftMs === undefined) ttftMs = event.t
        rate.delta(event.t)
        break
      case 'reasoning-delta':
        if (firstThoughtMs === undefined) firstThoughtMs = event.t
        lastThought.set(event.turn, event.t)
        rate.thinking(event.t)
        break
      case 'model-end': {
        const start = modelStarts.get(event.turn)
        const thought = lastThought.get(event.turn)
        if (start !== undefined && thought !== undefined) thinkingMs += Math.max(0, thought - start)
        lastThought.delete(event.turn)
        if (start !== undefined) { modelTimeMs += event.t - start; modelStarts.delete(event.turn) }
        if (event.usage) addUsage(usage, event.usage)
        rate.modelEnd(event.t, event.usage?.outputTokens, event.usage?.reasoningTokens)
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
  for (const [turn, start] of modelStarts) {
    modelTimeMs += stop - start
    const thought = lastThought.get(turn)
    if (thought !== undefined) thinkingMs += Math.max(0, thought - start)
  }
  let toolTimeMs = 0
  for (const interval of toolIntervals) {
    if (Number.isNaN(interval[1])) interval[1] = stop
    toolTimeMs += interval[1] - interval[0]
  }
  const toolPhaseMs = unionLength(toolIntervals)
  const tokensPerSecond = rate.perSecond(stop)
  const metrics: RunMetrics = {
    makespanMs: stop,
    outputTokens: resultUsage?.outputTokens ?? usage.outputTokens,
    inputTokens: resultUsage?.inputTokens ?? usage.inputTokens,
    reasoningTokens: (resultUsage ?? usage).reasoningTokens ?? 0,
    cacheReadTokens: (resultUsage ?? usage).cacheReadTokens ?? 0,
    cacheWriteTokens: (resultUsage ?? usage).cacheWriteTokens ?? 0,
    thinkingMs,
    modelTimeMs,
    toolTimeMs,
    toolPhaseMs,
    overlap: toolPhaseMs > 0 ? toolTimeMs / toolPhaseMs : 0,
    toolCalls: toolIntervals.length + routed,
    turns,
  }
  if (ttftMs !== undefined) metrics.ttftMs = ttftMs
  if (firstThoughtMs !== undefined) metrics.firstThoughtMs = firstThoughtMs
  if (tokensPerSecond !== undefined) metrics.tokensPerSecond = tokensPerSecond
  return metrics
}
