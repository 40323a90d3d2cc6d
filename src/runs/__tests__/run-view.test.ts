import { describe, expect, it } from 'vitest'
import { Agent, createScriptedModel, defineTool, textTurn, toolCallsTurn } from '../../core/index.ts'
import type { AgentEvent } from '../../core/index.ts'
import { z } from 'zod'
import { foldPacked, packEvents } from '../packed-events.ts'
import { createRunView, viewOf, type RunView } from '../run-view.ts'
import { sampleCityRecord, sampleManyToolsRecord } from '../samples.ts'
import { eventsOf } from './helpers.ts'

describe('RunView', () => {
  it('folds turns, tool cards, usage and status', () => {
    const events = eventsOf([
      { modelStart: 0, modelEnd: 100, usage: { inputTokens: 10, outputTokens: 5 }, tools: [{ id: 'a', start: 100, end: 300, ticks: [150, 200] }, { id: 'b', start: 100, end: 250, status: 'error' }] },
      { modelStart: 300, ttft: 400, words: ['Hel', 'lo'], modelEnd: 500, usage: { inputTokens: 20, outputTokens: 2 } },
    ])
    const view = viewOf({ events })
    expect(view.status).toBe('done')
    expect(view.stopReason).toBe('done')
    expect(view.turns.map((turn) => [turn.turn, turn.text, turn.modelStartMs, turn.modelEndMs, turn.ttftMs, turn.toolCallIds])).toEqual([
      [1, '', 0, 100, undefined, ['a', 'b']],
      [2, 'Hello', 300, 500, 100, []],
    ])
    expect(view.answer).toBe('Hello')
    expect(view.ttftMs).toBe(400)
    expect(view.toolOrder).toEqual(['a', 'b'])
    expect(view.tools.get('a')).toMatchObject({ name: 'tool_a', status: 'ok', startMs: 100, endMs: 300, durationMs: 200, fraction: 0.5, output: 'out a' })
    expect(view.tools.get('a')?.progress.map((p) => p.t)).toEqual([150, 200])
    expect(view.tools.get('b')?.status).toBe('error')
    expect(view.model).toBe('m1')
    expect(view.lastT).toBe(500)
  })

  it('is live: running cards, partial text, ttft and tokens/s while streaming', () => {
    const events = eventsOf([{ modelStart: 0, ttft: 200, words: ['a', 'b', 'c', 'd', 'e'], modelEnd: 1000 }], { end: 'none' })
    const view = createRunView()
    const streaming = events.filter((event) => event.type !== 'model-end' && event.type !== 'turn-end')
    for (const event of streaming) view.apply(event)
    expect(view.status).toBe('running')
    expect(view.turns[0]?.text).toBe('abcde')
    expect(view.ttftMs).toBe(200)
    // 5 deltas from t=200 to t=204: 4 ms of streaming.
    expect(view.tokensPerSecond).toBeCloseTo(5000 / 4)
    const versionBefore = view.version
    view.apply({ type: 'text-delta', t: 205, turn: 1, text: 'f' })
    expect(view.version).toBe(versionBefore + 1)
    expect(view.answer).toBe('abcdef')
  })

  it('shows a record cut off by a reload as interrupted', () => {
    const events = eventsOf([{ modelStart: 0, ttft: 5, words: ['par'], modelEnd: 9 }], { end: 'none' })
    expect(viewOf({ events, status: 'interrupted' }).status).toBe('interrupted')
    expect(viewOf({ events }).status).toBe('running')
  })

  it('reports aborted and error runs', () => {
    const aborted = viewOf({ events: eventsOf([{ modelStart: 0, modelEnd: 5 }], { stopReason: 'aborted' }) })
    expect(aborted.status).toBe('aborted')
    const events = eventsOf([{ modelStart: 0, modelEnd: 5 }], { stopReason: 'error' })
    const end = events.at(-1)!
    if (end.type === 'run-end') end.result.error = { name: 'APIError', message: 'boom' }
    const failed = viewOf({ events })
    expect(failed.status).toBe('error')
    expect(failed.error).toEqual({ name: 'APIError', message: 'boom' })
  })

  it('shows routed calls from the result and model notices', () => {
    const events: AgentEvent[] = [
      { type: 'run-start', t: 0, runId: 'r', model: 'm', executor: 'concurrent' },
      { type: 'turn-start', t: 0, turn: 1 }, { type: 'model-start', t: 0, turn: 1 },
      { type: 'model-retry', t: 1, turn: 1, model: 'm', attempt: 1, delayMs: 100, reason: 'rate limited' },
      { type: 'model-fallback', t: 2, turn: 1, from: 'm', to: 'n', reason: 'down' },
      { type: 'model-end', t: 3, turn: 1, finish: 'tool_calls' }, { type: 'turn-end', t: 3, turn: 1 },
      { type: 'run-end', t: 3, result: { text: '', turns: 1, durationMs: 3, stopReason: 'routed', toolCalls: [{ id: 'c', name: 'search', args: {}, status: 'routed', startT: 3, endT: 3 }], usage: { inputTokens: 0, outputTokens: 0 } } },
    ]
    const view = viewOf({ events })
    expect(view.tools.get('c')?.status).toBe('routed')
    expect(view.turns[0]?.notices).toHaveLength(2)
    expect(view.status).toBe('done')
  })

  it('matches a real agent run', async () => {
    const slow = defineTool({ name: 'slow', description: 'slow', input: z.object({ n: z.number() }), async *run({ n }) { yield { fraction: 0.5 }; return `n=${n}` } })
    const model = createScriptedModel([toolCallsTurn([{ name: 'slow', args: { n: 1 } }, { name: 'slow', args: { n: 2 } }]), textTurn('Done', ' now')])
    const agent = new Agent({ model, tools: [slow] })
    const view = createRunView()
    const events: AgentEvent[] = []
    for await (const event of agent.stream('go')) { events.push(event); view.apply(event) }
    expect(view.answer).toBe('Done now')
    expect(view.toolOrder).toHaveLength(2)
    expect([...view.tools.values()].map((card) => [card.status, card.output, card.fraction])).toEqual([['ok', 'n=1', 0.5], ['ok', 'n=2', 0.5]])
    expect(viewOf({ events }).answer).toBe(view.answer)
  })

  it('costs O(1) per text delta (200k deltas, text read every 100)', () => {
    const view = createRunView()
    view.apply({ type: 'run-start', t: 0, runId: 'r', model: 'm', executor: 'concurrent' })
    view.apply({ type: 'model-start', t: 0, turn: 1 })
    const started = performance.now()
    let length = 0
    for (let i = 0; i < 200_000; i++) {
      view.apply({ type: 'text-delta', t: i / 100, turn: 1, text: 'word ' })
      if (i % 100 === 0) length = view.answer.length
    }
    const elapsed = performance.now() - started
    expect(length).toBeGreaterThan(0)
    expect(view.answer.length).toBe(1_000_000)
    // Linear work is ~50 ms here; a rescan or re-join per delta would take minutes.
    expect(elapsed).toBeLessThan(3000)
  })

  it('folds the sample city record', () => {
    const view = viewOf(sampleCityRecord())
    expect(view.toolOrder).toHaveLength(3)
    expect(view.answer.split(' ').length).toBeGreaterThan(55)
    expect(view.status).toBe('done')
  })

  it('folds packed batches (runs of deltas in one append) to the same view as event by event', () => {
    for (const record of [sampleCityRecord(), sampleManyToolsRecord(12)]) {
      const one = viewOf(record)
      const packed = createRunView()
      // Batches cut at odd places, so runs of deltas span batch edges.
      for (let from = 0; from < record.events.length; from += 7) {
        foldPacked(packEvents(record.events, from, Math.min(record.events.length, from + 7)), {
          event: (event) => packed.apply(event),
          text: (run) => packed.applyText(run),
        })
      }
      const facts = (view: RunView) => ({
        turns: view.turns.map((t) => ({ turn: t.turn, text: t.text, ttft: t.ttftMs, usage: t.usage, tools: t.toolCallIds })),
        answer: view.answer, ttft: view.ttftMs, rate: view.tokensPerSecond, lastT: view.lastT, version: view.version,
        usage: view.usage, status: view.status, tools: [...view.tools.values()],
      })
      expect(facts(packed)).toEqual(facts(one))
    }
  })
})

