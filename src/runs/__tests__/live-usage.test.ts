import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { AgentEvent } from '../../core/index.ts'
import { createRunView } from '../run-view.ts'

const start: AgentEvent[] = [
  { type: 'run-start', t: 0, runId: 'r', model: 'm', executor: 'concurrent' },
  { type: 'turn-start', t: 0, turn: 1 },
  { type: 'model-start', t: 0, turn: 1 },
]

describe('live usage', () => {
  it('shows an input estimate as soon as the model call starts, from the prompt and history', () => {
    const view = createRunView(400)
    for (const event of start) view.apply(event)
    expect(view.liveUsage).toEqual({ inputTokens: 100, outputTokens: 0, estimated: true })
    expect(view.usage).toEqual({ inputTokens: 0, outputTokens: 0 })
  })

  it('counts output up while text streams, then takes the provider count at model-end', () => {
    const view = createRunView(40)
    for (const event of start) view.apply(event)
    const seen: number[] = []
    for (let i = 1; i <= 30; i++) {
      view.apply({ type: 'text-delta', t: i, turn: 1, text: 'tok ' })
      seen.push(view.liveUsage.outputTokens)
    }
    // One delta is about a token: 30 deltas of 4 characters read as 30 tokens, rising one by one.
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    view.apply({ type: 'model-end', t: 40, turn: 1, finish: 'stop', usage: { inputTokens: 12, outputTokens: 33 } })
    expect(view.liveUsage).toEqual({ inputTokens: 12, outputTokens: 33, estimated: false })
  })

  it('counts long chunks by length, and thinking as output', () => {
    const view = createRunView(0)
    for (const event of start) view.apply(event)
    view.apply({ type: 'reasoning-delta', t: 1, turn: 1, text: 'x'.repeat(400) })
    view.apply({ type: 'text-delta', t: 2, turn: 1, text: 'y'.repeat(400) })
    expect(view.liveUsage.outputTokens).toBe(200)
  })

  it('estimates a later call from the last reported count plus what the tools added', () => {
    const view = createRunView(40)
    for (const event of start) view.apply(event)
    view.apply({ type: 'model-end', t: 10, turn: 1, finish: 'tool_calls', usage: { inputTokens: 500, outputTokens: 20 } })
    view.apply({ type: 'tool-start', t: 10, turn: 1, callId: 'c1', name: 'abcd', args: { city: 'Paris' } }) // 4 + 16 chars
    view.apply({ type: 'tool-end', t: 20, callId: 'c1', name: 'abcd', status: 'ok', output: 'z'.repeat(380) })
    view.apply({ type: 'turn-end', t: 20, turn: 1 })
    view.apply({ type: 'turn-start', t: 20, turn: 2 })
    view.apply({ type: 'model-start', t: 20, turn: 2 })
    // 500 + 20 reported, then (4 + 16 + 380) / 4 = 100 more for the call and its result.
    expect(view.liveUsage).toEqual({ inputTokens: 500 + 20 + 500 + 100, outputTokens: 20, estimated: true })
  })

  it('never goes down while a call streams, and ends equal to the reported usage (any stream)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ thought: fc.boolean(), text: fc.string({ maxLength: 60 }) }), { maxLength: 80 }), fc.nat(10_000), fc.nat(10_000), (deltas, input, output) => {
        const view = createRunView(100)
        for (const event of start) view.apply(event)
        let last = view.liveUsage
        for (const [i, delta] of deltas.entries()) {
          view.apply(delta.thought ? { type: 'reasoning-delta', t: i + 1, turn: 1, text: delta.text } : { type: 'text-delta', t: i + 1, turn: 1, text: delta.text })
          const now = view.liveUsage
          expect(now.outputTokens).toBeGreaterThanOrEqual(last.outputTokens)
          expect(now.inputTokens).toBe(last.inputTokens)
          last = now
        }
        view.apply({ type: 'model-end', t: 1000, turn: 1, finish: 'stop', usage: { inputTokens: input, outputTokens: output } })
        expect(view.liveUsage).toEqual({ inputTokens: input, outputTokens: output, estimated: false })
      }),
    )
  })
})

describe('live usage of a call that never reports', () => {
  it('keeps the estimate of a call stopped mid-stream', () => {
    const view = createRunView(40)
    for (const event of start) view.apply(event)
    for (let i = 1; i <= 12; i++) view.apply({ type: 'text-delta', t: i, turn: 1, text: 'tok ' })
    view.apply({ type: 'model-end', t: 20, turn: 1, finish: 'aborted' })
    view.apply({ type: 'run-end', t: 20, result: { text: '', turns: 1, durationMs: 20, stopReason: 'aborted', toolCalls: [], usage: { inputTokens: 0, outputTokens: 0 } } })
    expect(view.liveUsage).toEqual({ inputTokens: 10, outputTokens: 12, estimated: true })
  })
})

describe('live usage of a call that failed before its first token', () => {
  it('counts nothing for it', () => {
    const view = createRunView(40)
    for (const event of start) view.apply(event)
    view.apply({ type: 'model-end', t: 20, turn: 1, finish: 'error' })
    expect(view.liveUsage).toEqual({ inputTokens: 0, outputTokens: 0, estimated: false })
  })
})
