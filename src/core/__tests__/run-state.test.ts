// closeRun: the one way to close a run from its events so far (the agent loop uses it, and the
// page when an agent worker dies mid-run).
import { describe, expect, it } from 'vitest'
import { Agent } from '../agent.ts'
import { closeRun } from '../run-state.ts'
import { createScriptedModel } from '../scripted-model.ts'
import type { AgentEvent } from '../types.ts'
import { logProblems } from './log-checks.ts'

const start: AgentEvent[] = [
  { type: 'run-start', t: 0, runId: 'r', model: 'm', executor: 'concurrent' },
  { type: 'turn-start', t: 1, turn: 1 },
  { type: 'model-start', t: 1, turn: 1 },
]

describe('closeRun', () => {
  it('closes an open model call: model-end, turn-end, then run-end with the partial text', () => {
    const events: AgentEvent[] = [...start, { type: 'text-delta', t: 5, turn: 1, text: 'Half an ' }, { type: 'text-delta', t: 6, turn: 1, text: 'answer' }]
    const closing = closeRun(events, { t: 20, stopReason: 'error', error: { name: 'AgentWorkerError', message: 'The agent worker stopped.' } })
    expect(closing.map((e) => e.type)).toEqual(['model-end', 'turn-end', 'run-end'])
    expect(closing[0]).toEqual({ type: 'model-end', t: 20, turn: 1, finish: 'error' })
    expect(closing[2]).toMatchObject({ t: 20, result: { text: 'Half an answer', stopReason: 'error', turns: 1, error: { message: 'The agent worker stopped.' } } })
    expect(logProblems([...events, ...closing])).toEqual([])
  })

  it('ends running tools, keeps the ended ones, and sums usage', () => {
    const events: AgentEvent[] = [
      ...start,
      { type: 'model-end', t: 3, turn: 1, finish: 'tool_calls', usage: { inputTokens: 10, outputTokens: 4, cacheReadTokens: 6 } },
      { type: 'tool-start', t: 3, turn: 1, callId: 'a', name: 'x', args: {} },
      { type: 'tool-start', t: 3, turn: 1, callId: 'b', name: 'y', args: { q: 1 } },
      { type: 'tool-end', t: 9, callId: 'a', name: 'x', status: 'ok', output: 'fine' },
    ]
    const closing = closeRun(events, { t: 12, stopReason: 'aborted' })
    expect(closing.map((e) => e.type)).toEqual(['tool-end', 'turn-end', 'run-end'])
    expect(closing[0]).toMatchObject({ callId: 'b', status: 'aborted', t: 12 })
    const end = closing[2]
    if (end?.type !== 'run-end') throw new Error('no run-end')
    expect(end.result.toolCalls).toEqual([
      { id: 'a', name: 'x', args: {}, status: 'ok', startT: 3, endT: 9 },
      { id: 'b', name: 'y', args: { q: 1 }, status: 'aborted', startT: 3, endT: 12 },
    ])
    expect(end.result.usage).toEqual({ inputTokens: 10, outputTokens: 4, cacheReadTokens: 6 })
    expect(end.result.lastTool).toEqual({ name: 'y', args: { q: 1 } })
  })

  it('never ends before the last event, and adds nothing to a run that ended', () => {
    const closing = closeRun([...start, { type: 'text-delta', t: 50, turn: 1, text: 'x' }], { t: 10, stopReason: 'aborted' })
    expect(closing.every((e) => e.t === 50)).toBe(true)
    const whole = [...start, ...closing]
    expect(closeRun(whole, { t: 99, stopReason: 'aborted' })).toEqual([])
  })

  it('gives the same closing events and result as the agent loop itself', async () => {
    const controller = new AbortController()
    const model = createScriptedModel([[{ type: 'text-delta', text: 'so far' }, { type: 'usage', inputTokens: 5, outputTokens: 1 }, { type: 'text-delta', text: '…' }]])
    const log: AgentEvent[] = []
    for await (const e of new Agent({ model }).stream('go', { signal: controller.signal })) {
      log.push(e)
      if (e.type === 'text-delta' && e.text === '…') controller.abort()
    }
    const cut = log.findIndex((e) => e.type === 'model-end')
    const ours = closeRun(log.slice(0, cut), { t: log[cut]!.t, stopReason: 'aborted', openUsage: { inputTokens: 5, outputTokens: 1 } })
    expect(ours).toEqual(log.slice(cut))
  })
})
