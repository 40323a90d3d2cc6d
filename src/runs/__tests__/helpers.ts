// Hand-made event logs for the projection tests: exact times, so expectations are exact.
import type { AgentEvent, RunResult } from '../../core/index.ts'
import type { RunRecord } from '../types.ts'

export interface ToolPlan {
  id: string
  start: number
  end: number
  ticks?: number[]
  status?: 'ok' | 'error' | 'timeout' | 'aborted'
}

export interface TurnPlan {
  modelStart: number
  ttft?: number
  words?: string[]
  modelEnd: number
  usage?: { inputTokens: number; outputTokens: number }
  tools?: ToolPlan[]
  turnEnd?: number
}

/** An event log from turn plans; tool events are merged in time order like the agent emits them. */
export function eventsOf(turns: TurnPlan[], options: { end?: number | 'none'; stopReason?: RunResult['stopReason']; executor?: string } = {}): AgentEvent[] {
  const events: AgentEvent[] = [{ type: 'run-start', t: 0, runId: 'run-1', model: 'm1', executor: options.executor ?? 'concurrent' }]
  let text = ''
  turns.forEach((plan, i) => {
    const turn = i + 1
    events.push({ type: 'turn-start', t: plan.modelStart, turn }, { type: 'model-start', t: plan.modelStart, turn })
    const words = plan.words ?? []
    words.forEach((word, w) => events.push({ type: 'text-delta', t: (plan.ttft ?? plan.modelStart) + w, turn, text: word }))
    if (words.length) text = words.join('')
    events.push({ type: 'model-end', t: plan.modelEnd, turn, finish: plan.tools?.length ? 'tool_calls' : 'stop', ...(plan.usage ? { usage: plan.usage } : {}) })
    const timed: AgentEvent[] = []
    for (const tool of plan.tools ?? []) {
      timed.push({ type: 'tool-start', t: tool.start, turn, callId: tool.id, name: `tool_${tool.id}`, args: { id: tool.id } })
      for (const tick of tool.ticks ?? []) timed.push({ type: 'tool-progress', t: tick, callId: tool.id, progress: { fraction: 0.5 } })
      timed.push({ type: 'tool-end', t: tool.end, callId: tool.id, name: `tool_${tool.id}`, status: tool.status ?? 'ok', output: `out ${tool.id}` })
    }
    const rank = (e: AgentEvent): number => (e.type === 'tool-end' ? 0 : e.type === 'tool-start' ? 1 : 2)
    timed.sort((a, b) => a.t - b.t || rank(a) - rank(b))
    events.push(...timed)
    events.push({ type: 'turn-end', t: plan.turnEnd ?? Math.max(plan.modelEnd, ...(plan.tools ?? []).map((tool) => tool.end)), turn })
  })
  if (options.end !== 'none') {
    const t = options.end ?? (events.at(-1)?.t ?? 0)
    const toolCalls = turns.flatMap((plan) => (plan.tools ?? []).map((tool) => ({ id: tool.id, name: `tool_${tool.id}`, args: { id: tool.id }, status: tool.status ?? 'ok', startT: tool.start, endT: tool.end })))
    events.push({ type: 'run-end', t, result: { text, turns: turns.length, durationMs: t, stopReason: options.stopReason ?? 'done', toolCalls, usage: { inputTokens: 0, outputTokens: 0 } } })
  }
  return events
}

/** A record around an event log. */
export function recordOf(events: AgentEvent[], overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    v: 1, id: 'r1', createdAt: '2026-11-21T10:00:00.000Z', status: 'done',
    config: { provider: 'local', model: 'm1', executor: 'concurrent', toolPack: 'test', tools: [], maxTurns: 10, routingOnly: false },
    input: { text: 'hello', attachments: [] },
    events,
    ...overrides,
  }
}
