import { describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../core/index.ts'
import { createRunView } from '../../runs/run-view.ts'
import { ganttSpansOf } from '../../runs/gantt.ts'
import { newRecord } from '../../runs/record.ts'
import type { RunConfig } from '../../runs/types.ts'
import { EventPacker, unpackEvents, type PackedEvents } from '../../runs/packed-events.ts'
import { startJob } from '../agent-client.ts'
import { cloneable, transferablesOf } from '../agent-protocol.ts'
import { endedWithout } from '../run-end.ts'
import { defaultSettings, type Settings } from '../settings.ts'

const runConfig: RunConfig = { provider: 'local', model: 'm', executor: 'concurrent', toolPack: 'all', tools: [], maxTurns: 10, routingOnly: false }
const fast: Settings = { ...defaultSettings, local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.01 } }

async function collect(batches: AsyncIterable<PackedEvents>): Promise<AgentEvent[]> {
  const events: AgentEvent[] = []
  for await (const batch of batches) events.push(...unpackEvents(batch))
  return events
}

describe('agent jobs', () => {
  it('runs a job where no worker exists (Node) with the same events as the agent', async () => {
    const job = startJob({ settings: fast, executor: 'concurrent', parts: [{ type: 'text', text: 'Weather and time in Paris, Tokyo and Lima?' }], keys: {} }, new AbortController().signal)
    await job.ready
    const events = await collect(job.batches)
    expect(events[0]?.type).toBe('run-start')
    const end = events.at(-1)
    expect(end?.type === 'run-end' && end.result.stopReason).toBe('done')
    expect(events.filter((e) => e.type === 'tool-end').length).toBeGreaterThanOrEqual(3)
  })

  it('stops when the signal aborts, keeping what was streamed', async () => {
    const controller = new AbortController()
    const job = startJob({ settings: { ...fast, local: { ...fast.local, tokensPerSecond: 200 } }, executor: 'concurrent', parts: [{ type: 'text', text: 'Stream a long answer of 5000 tokens' }], keys: {} }, controller.signal)
    await job.ready
    const events: AgentEvent[] = []
    for await (const batch of job.batches) {
      events.push(...unpackEvents(batch))
      if (events.filter((e) => e.type === 'text-delta').length >= 5) controller.abort()
    }
    const end = events.at(-1)
    expect(end?.type === 'run-end' && end.result.stopReason).toBe('aborted')
    expect(events.filter((e) => e.type === 'text-delta').length).toBeLessThan(100)
  })
})

describe('agent worker messages', () => {
  it('pack a batch losslessly, typed arrays listed for transfer', () => {
    const events: AgentEvent[] = [
      { type: 'run-start', t: 0, runId: 'r', model: 'm', executor: 'concurrent' },
      { type: 'text-delta', t: 1.5, turn: 1, text: 'Hel' },
      { type: 'text-delta', t: 2.5, turn: 1, text: 'lo' },
      { type: 'turn-end', t: 3, turn: 1 },
    ]
    const packer = new EventPacker()
    for (const event of events) packer.push(event)
    const packed = packer.take()
    expect(transferablesOf(packed)).toHaveLength(4)
    expect(unpackEvents(structuredClone(packed))).toEqual(events)
    expect(packer.count).toBe(0) // emptied for the next batch
    packer.push(events[1]!)
    expect(unpackEvents(packer.take())).toEqual([events[1]])
  })

  it('send a tool value that cannot be cloned as JSON, or described, never failing the batch', () => {
    const withFunction: AgentEvent = { type: 'tool-progress', t: 1, callId: 'c', progress: { message: 'half', fraction: 0.5, data: { n: 10n, f: () => 1 } } }
    expect(cloneable(withFunction)).toEqual({ type: 'tool-progress', t: 1, callId: 'c', progress: { message: 'half', fraction: 0.5, data: { n: '10' } } })
    const cyclic: Record<string, unknown> = { name: 'loop' }
    cyclic.self = cyclic
    const args = { cyclic, f: () => 1 }
    const start: AgentEvent = { type: 'tool-start', t: 1, turn: 1, callId: 'c', name: 'x', args }
    expect(cloneable(start)).toEqual({ ...start, args: { cyclic: { name: 'loop', self: '[seen above]' } } })
    // The same arguments come back in the run's result.
    const end: AgentEvent = { type: 'run-end', t: 9, result: { text: '', turns: 1, durationMs: 9, stopReason: 'done', toolCalls: [{ id: 'c', name: 'x', args, status: 'ok', startT: 1, endT: 2 }], usage: { inputTokens: 0, outputTokens: 0 } } }
    expect(() => structuredClone(cloneable(end))).not.toThrow()
    // A value whose JSON form throws too is described in place.
    const hostile = { toJSON: () => { throw new Error('no JSON for you') }, f: () => 1 }
    const progress = cloneable({ type: 'tool-progress', t: 1, callId: 'c', progress: { message: 'x', data: hostile } })
    expect(progress.type === 'tool-progress' && progress.progress).toBe('[not serializable: no JSON for you]')
    const plain: AgentEvent = { type: 'tool-end', t: 2, callId: 'c', name: 'x', status: 'ok', output: 'fine' }
    expect(cloneable(plain)).toBe(plain)
  })
})

describe('a run its agent could not end', () => {
  it('ends running tools and the run, keeping the answer so far', () => {
    const view = createRunView()
    const events: AgentEvent[] = [
      { type: 'run-start', t: 0, runId: 'r', model: 'm', executor: 'concurrent' },
      { type: 'turn-start', t: 0, turn: 1 },
      { type: 'model-start', t: 0, turn: 1 },
      { type: 'text-delta', t: 5, turn: 1, text: 'Checking' },
      { type: 'model-end', t: 8, turn: 1, finish: 'tool_calls' },
      { type: 'tool-start', t: 10, turn: 1, callId: 'a', name: 'fast', args: {} },
      { type: 'tool-start', t: 10, turn: 1, callId: 'b', name: 'stuck', args: { n: 1 } },
      { type: 'tool-end', t: 20, callId: 'a', name: 'fast', status: 'ok', output: 'done' },
    ]
    for (const event of events) view.apply(event)
    const closing = endedWithout(events, 'The run did not stop', true, 25)
    for (const event of closing) view.apply(event)
    expect(closing.map((e) => e.type)).toEqual(['tool-end', 'turn-end', 'run-end'])
    expect(view.tools.get('b')?.status).toBe('aborted')
    expect(view.status).toBe('aborted')
    expect(view.answer).toBe('Checking')
    const end = closing[2]
    expect(end?.type === 'run-end' && end.result.toolCalls.map((c) => c.status)).toEqual(['ok', 'aborted'])
    expect(end?.type === 'run-end' && end.result.error?.message).toBe('The run did not stop')
  })

  it('closes a model call the worker died in, so its Gantt bar stops running', () => {
    const events: AgentEvent[] = [
      { type: 'run-start', t: 0, runId: 'r', model: 'm', executor: 'concurrent' },
      { type: 'turn-start', t: 0, turn: 1 },
      { type: 'model-start', t: 1, turn: 1 },
      { type: 'text-delta', t: 5, turn: 1, text: 'Half' },
    ]
    const closing = endedWithout(events, 'The agent worker crashed', false, 40)
    expect(closing.map((e) => [e.type, e.t])).toEqual([['model-end', 40], ['turn-end', 40], ['run-end', 40]])
    const spans = ganttSpansOf([{ ...newRecord(runConfig, { text: 'go', attachments: [] }), events: [...events, ...closing] }])
    expect(spans.filter((s) => s.kind === 'model').map((s) => [s.running, s.endMs])).toEqual([[false, 40]])
  })
})
